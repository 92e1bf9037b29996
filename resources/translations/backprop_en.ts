<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>bps::ChainRuleLesson</name>
    <message numerus="yes">
        <source>They agree to %n significant digit(s): the formula is right.</source>
        <translation>
            <numerusform>They agree to %n significant digit: the formula is right.</numerusform>
            <numerusform>They agree to %n significant digits: the formula is right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bps::ClassPanel</name>
    <message numerus="yes">
        <source>%n student(s) connected</source>
        <translation>
            <numerusform>%n student connected</numerusform>
            <numerusform>%n students connected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n away</source>
        <translation>
            <numerusform>%n away</numerusform>
            <numerusform>%n away</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) refused</source>
        <translation>
            <numerusform>%n message refused</numerusform>
            <numerusform>%n messages refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bps::ControlPanel</name>
    <message numerus="yes">
        <source>1 sample every %n s</source>
        <translation>
            <numerusform>1 sample every %n s</numerusform>
            <numerusform>1 sample every %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)/s</source>
        <translation>
            <numerusform>%n sample/s</numerusform>
            <numerusform>%n samples/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> epoch(s)</source>
        <comment>after the number of &quot;Stop after&quot;</comment>
        <translation>
            <numerusform> epoch</numerusform>
            <numerusform> epochs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) seen, running error %1</source>
        <translation>
            <numerusform>%n sample seen, running error %1</numerusform>
            <numerusform>%n samples seen, running error %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bps::ErrorPlot</name>
    <message numerus="yes">
        <source>%1 (%n change(s))</source>
        <translation>
            <numerusform>%1 (%n change)</numerusform>
            <numerusform>%1 (%n changes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bps::MainWindow</name>
    <message numerus="yes">
        <source>The network has been trained on %n sample(s) and the training is not saved. Save the session before quitting?</source>
        <translation>
            <numerusform>The network has been trained on %n sample and the training is not saved. Save the session before quitting?</numerusform>
            <numerusform>The network has been trained on %n samples and the training is not saved. Save the session before quitting?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The network has been trained on %n sample(s). Go on training it on the new set, or start a new network from the seed?</source>
        <translation>
            <numerusform>The network has been trained on %n sample. Go on training it on the new set, or start a new network from the seed?</numerusform>
            <numerusform>The network has been trained on %n samples. Go on training it on the new set, or start a new network from the seed?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training set: %1 (%n sample(s)), from the lessons</source>
        <translation>
            <numerusform>Training set: %1 (%n sample), from the lessons</numerusform>
            <numerusform>Training set: %1 (%n samples), from the lessons</numerusform>
        </translation>
    </message>
</context>
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
<context>
    <name>bps::PredictPanel</name>
    <message numerus="yes">
        <source> (%n not marked)</source>
        <translation>
            <numerusform> (%n not marked)</numerusform>
            <numerusform> (%n not marked)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bps::TimelineBar</name>
    <message numerus="yes">
        <source>Live network · %n checkpoint(s)</source>
        <translation>
            <numerusform>Live network · %n checkpoint</numerusform>
            <numerusform>Live network · %n checkpoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bps::TrainingController</name>
    <message numerus="yes">
        <source> · kept network (%n sample(s) trained before)</source>
        <translation>
            <numerusform> · kept network (%n sample trained before)</numerusform>
            <numerusform> · kept network (%n samples trained before)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bps::WeightAtlas</name>
    <message numerus="yes">
        <source>%Ln weight(s) changed</source>
        <translation>
            <numerusform>%Ln weight changed</numerusform>
            <numerusform>%Ln weights changed</numerusform>
        </translation>
    </message>
</context>
</TS>
