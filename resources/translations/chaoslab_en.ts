<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>EnvironmentWording</name>
    <message numerus="yes">
        <source>%n toxic(s) active</source>
        <translation>
            <numerusform>%n toxic active</numerusform>
            <numerusform>%n toxics active</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProbeChartPage</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ProxyListModel</name>
    <message numerus="yes">
        <source>%1: listens on %2, forwards to %3, %4, %n toxic(s)</source>
        <translation>
            <numerusform>%1: listens on %2, forwards to %3, %4, %n toxic</numerusform>
            <numerusform>%1: listens on %2, forwards to %3, %4, %n toxics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chaoslab::ui::ServerEventFeed</name>
    <message numerus="yes">
        <source>Proxy added: listens on %1, forwards to %2, %3, %n toxic(s)</source>
        <translation>
            <numerusform>Proxy added: listens on %1, forwards to %2, %3, %n toxic</numerusform>
            <numerusform>Proxy added: listens on %1, forwards to %2, %3, %n toxics</numerusform>
        </translation>
    </message>
</context>
</TS>
