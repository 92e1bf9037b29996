<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>bps::NetworkRenderer</name>
    <message numerus="yes">
        <source>saturated hidden: slope &lt; 0.01 (%n neuron(s))</source>
        <translation>
            <numerusform>saturated hidden: slope &lt; 0.01 (%n neuron)</numerusform>
            <numerusform>saturated hidden: slope &lt; 0.01 (%n neurons)</numerusform>
        </translation>
    </message>
</context>
</TS>
