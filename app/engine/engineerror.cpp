#include "engineerror.h"

namespace chaoslab::engine {

int httpStatus(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::BadRequest:
        return 400;
    case ErrorKind::NotFound:
        return 404;
    case ErrorKind::Conflict:
        return 409;
    case ErrorKind::ListenFailed:
        break;
    }
    return 500;
}

} // namespace chaoslab::engine
