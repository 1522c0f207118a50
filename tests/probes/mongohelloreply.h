// The body of a MongoDB 6.0 `hello` reply with its documented fields: helloOk,
// isWritablePrimary, topologyVersion, maxBsonObjectSize 16777216, maxMessageSizeBytes
// 48000000, maxWriteBatchSize 100000, localTime, logicalSessionTimeoutMinutes 30,
// connectionId, minWireVersion 0, maxWireVersion 17, readOnly false and ok 1.0.
// An independent BSON writer (Python struct) encoded it. No MongoDB server is packaged in
// Debian 12, so the tests replay this reply instead of a live one.
#pragma once

#include <QByteArray>

inline QByteArray mongoHelloReply()
{
    return QByteArray::fromHex(
        "2e0100000868656c6c6f4f6b00010869735772697461626c655072696d617279000103746f706f6c6f6779"
        "56657273696f6e002d0000000770726f636573734964006570a1b2c3d4e5f60123456712636f756e746572"
        "00000000000000000000106d617842736f6e4f626a65637453697a650000000001106d61784d6573736167"
        "6553697a65427974657300006cdc02106d61785772697465426174636853697a6500a0860100096c6f6361"
        "6c54696d6500fb460e348c010000106c6f676963616c53657373696f6e54696d656f75744d696e75746573"
        "001e00000010636f6e6e656374696f6e4964000c000000106d696e5769726556657273696f6e0000000000"
        "106d61785769726556657273696f6e001100000008726561644f6e6c790000016f6b00000000000000f03f"
        "00");
}
