<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>wf::ui::AppListModel</name>
    <message numerus="yes">
        <source>%n key(s), %1 active</source>
        <translation>
            <numerusform>%n key, %1 active</numerusform>
            <numerusform>%n keys, %1 active</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ui::CardFrame</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ui::ExecutionDetails</name>
    <message numerus="yes">
        <source>Trace truncated: history kept the first %n card(s) only.</source>
        <translation>
            <numerusform>Trace truncated: history kept the first %n card only.</numerusform>
            <numerusform>Trace truncated: history kept the first %n cards only.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowEditorPage</name>
    <message numerus="yes">
        <source>Not saved yet: fix the %n problem(s) first</source>
        <translation>
            <numerusform>Not saved yet: fix the %n problem first</numerusform>
            <numerusform>Not saved yet: fix the %n problems first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowListModel</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wf::ui::FlowsPage</name>
    <message numerus="yes">
        <source>%1 was not imported: %n problem(s).</source>
        <translation>
            <numerusform>%1 was not imported: %n problem.</numerusform>
            <numerusform>%1 was not imported: %n problems.</numerusform>
        </translation>
    </message>
</context>
</TS>
