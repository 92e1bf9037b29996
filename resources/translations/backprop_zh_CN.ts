<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BridgeExport</name>
    <message>
        <source>Could not export the ONNX model %1:
%2</source>
        <translation>无法导出 ONNX 模型 %1：
%2</translation>
    </message>
    <message>
        <source>Could not export the notebook %1:
%2</source>
        <translation>无法导出笔记本 %1：
%2</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>The size %1 × %2 is not between 1 and 20000 pixels</source>
        <translation>尺寸 %1 × %2 不在 1 到 20000 像素之间</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported from Backprop Studio</source>
        <translation>由 Backprop Studio 导出</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Not enough memory for a %1 × %2 image</source>
        <translation>内存不足，无法创建 %1 × %2 的图像</translation>
    </message>
    <message>
        <source>Could not create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>bp::classroom::ClassClient</name>
    <message>
        <source>a name is 1 to %1 letters, digits, spaces or - _ . &apos;</source>
        <translation>名字为 1 到 %1 个字母、数字、空格或 - _ . &apos;</translation>
    </message>
    <message>
        <source>the join code is %1 to %2 letters or digits</source>
        <translation>加入码为 %1 到 %2 个字母或数字</translation>
    </message>
    <message>
        <source>the teacher&apos;s address needs a host and a port</source>
        <translation>老师的地址需要主机和端口</translation>
    </message>
</context>
<context>
    <name>bp::classroom::ClassHost</name>
    <message>
        <source>the join code must be %1 to %2 letters or digits</source>
        <translation>加入码必须为 %1 到 %2 个字母或数字</translation>
    </message>
</context>
<context>
    <name>bps::AugmentationLesson</name>
    <message>
        <source>Which training picture to turn</source>
        <translation>要旋转哪一张训练图片</translation>
    </message>
    <message>
        <source>How far the copies are turned each way (the book: 10°)</source>
        <translation>副本向每个方向旋转多少度（书中：10°）</translation>
    </message>
    <message>
        <source>Train the same network twice at once: on the pictures, and on the pictures with their turned copies</source>
        <translation>同时把同一个网络训练两次：一次用原图片，一次用原图片加上旋转后的副本</translation>
    </message>
    <message>
        <source>Stop both runs</source>
        <translation>停止两次训练</translation>
    </message>
    <message>
        <source>&lt;h3&gt;More data for free: rotated copies&lt;/h3&gt;&lt;p&gt;More examples usually mean better learning, but collecting them is work. The book&apos;s trick: turn each training picture a little, by +10° and −10°, and train on all three. A 4 tilted by 10° is still a 4, and people do write slanted digits. The turn is done by &lt;b&gt;bilinear interpolation&lt;/b&gt;: each new pixel mixes the four old pixels around the point it comes from.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; step through pictures and angles. Then press Compare: the same network, from the same seed, learns once from the pictures and once from the pictures plus their copies.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notice:&lt;/b&gt; the copies mostly help when data is scarce; too large an angle turns a 6 into something else. Training takes three times as long.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;免费得到更多数据：旋转的副本&lt;/h3&gt;&lt;p&gt;样本越多，通常学得越好，但收集样本很费工夫。书中的窍门：把每张训练图片稍微转一下，转 +10° 和 −10°，然后用这三张一起训练。一个倾斜 10° 的 4 仍然是 4，而且人们确实会把数字写歪。旋转用的是&lt;b&gt;双线性插值&lt;/b&gt;：每个新像素由它所来自的那个点周围的四个旧像素混合而成。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;逐张查看图片和角度。然后按“比较”：同一个网络、同一个种子，一次只用原图学习，一次用原图加上旋转副本学习。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意：&lt;/b&gt;副本主要在数据少的时候有帮助；角度太大会把 6 转成别的东西。训练时间是原来的三倍。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>turned +θ</source>
        <translation>旋转 +θ</translation>
    </message>
    <message>
        <source>turned −θ</source>
        <translation>旋转 −θ</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Picture:</source>
        <translation>图片：</translation>
    </message>
    <message>
        <source>Angle θ:</source>
        <translation>角度 θ：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Compare: without and with the copies</source>
        <translation>比较：不加副本与加副本</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Train the studio on the rotated set</source>
        <translation>让主窗口用旋转后的数据集训练</translation>
    </message>
    <message>
        <source>Makes the training set three times as large (original, +θ, −θ) and hands it to the studio</source>
        <translation>把训练集扩大为三倍（原图、+θ、−θ），交给主窗口使用</translation>
    </message>
    <message>
        <source>Does it help?</source>
        <translation>有帮助吗？</translation>
    </message>
    <message>
        <source>Network 784-%1-10, learning rate %2, %3 epoch(s), the same seed for both runs.</source>
        <translation>网络 784-%1-10，学习率 %2，%3 轮，两次训练用同一个种子。</translation>
    </message>
    <message>
        <source>turned +%1° (anticlockwise)</source>
        <translation>旋转 +%1°（逆时针）</translation>
    </message>
    <message>
        <source>turned −%1° (clockwise)</source>
        <translation>旋转 −%1°（顺时针）</translation>
    </message>
    <message>
        <source>label %1 — picture %2 of %3 in %4</source>
        <translation>标签 %1——%4 中的第 %2 / %3 张图片</translation>
    </message>
    <message>
        <source>Training two networks at once (±%1°)…</source>
        <translation>正在同时训练两个网络（±%1°）…</translation>
    </message>
    <message>
        <source>Could not load the data: %1</source>
        <translation>无法载入数据：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Test accuracy &lt;b&gt;without&lt;/b&gt; the copies: &lt;b&gt;%1 %&lt;/b&gt; &amp;nbsp;&amp;nbsp; &lt;b&gt;with&lt;/b&gt; the ±%2° copies: &lt;b&gt;%3 %&lt;/b&gt; (%4 points).&lt;/p&gt;&lt;p&gt;Network %5, learning rate %6, %7 epoch(s), the same seed for both.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;不加&lt;/b&gt;副本的测试准确率：&lt;b&gt;%1 %&lt;/b&gt; &amp;nbsp;&amp;nbsp; &lt;b&gt;加上&lt;/b&gt; ±%2° 副本：&lt;b&gt;%3 %&lt;/b&gt;（%4 个百分点）。&lt;/p&gt;&lt;p&gt;网络 %5，学习率 %6，%7 轮，两次用同一个种子。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The studio has no image training set loaded.</source>
        <translation>主窗口还没有载入图像训练集。</translation>
    </message>
    <message>
        <source>More data: rotated copies</source>
        <translation>更多数据：旋转的副本</translation>
    </message>
</context>
<context>
    <name>bps::BackQueryLesson</name>
    <message>
        <source>Save the ten pictures in a row as a PNG image</source>
        <translation>把这十张图片排成一行，保存为 PNG 图像</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Back query: looking inside the network&apos;s mind&lt;/h3&gt;&lt;p&gt;Normally a picture goes &lt;i&gt;in&lt;/i&gt; and ten outputs come &lt;i&gt;out&lt;/i&gt;. Here we do it backwards: we set the outputs to the answer we want (0.99 for one label, 0.01 for the others), undo the sigmoid with its inverse, the &lt;b&gt;logit&lt;/b&gt; &lt;code&gt;x = ln(o / (1 − o))&lt;/code&gt;, and send the signal back through the transposed weights &lt;code&gt;Wᵀ·x&lt;/code&gt;, layer by layer, down to the inputs.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; press Play in the studio and watch the pictures form as it learns. Early on they are noise; after a few thousand samples each one shows a blurred shape of its digit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notice:&lt;/b&gt; dark pixels are where ink makes the label more likely; light ones where ink speaks &lt;i&gt;against&lt;/i&gt; it. Under each picture is what the network answers when it is shown its own imagined digit.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;反向查询：看看网络心里想的是什么&lt;/h3&gt;&lt;p&gt;平常是一张图片&lt;i&gt;输入&lt;/i&gt;网络，十个输出从另一端&lt;i&gt;出来&lt;/i&gt;。这里我们倒过来做：把输出设成我们想要的答案（一个标签为 0.99，其余为 0.01），用 S 函数的反函数——&lt;b&gt;logit&lt;/b&gt; &lt;code&gt;x = ln(o / (1 − o))&lt;/code&gt;——把它还原，再让信号沿着转置的权重 &lt;code&gt;Wᵀ·x&lt;/code&gt; 一层一层往回传，直到输入层。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;在主窗口中按“运行”，看着图片随着学习慢慢成形。一开始它们只是噪声；训练几千个样本之后，每张图都会显出自己那个数字的模糊轮廓。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意：&lt;/b&gt;深色像素表示那里有墨迹会让这个标签更可能；浅色像素表示那里有墨迹反而&lt;i&gt;不利于&lt;/i&gt;这个标签。每张图下面写的是把网络自己想象出的数字再拿给它看时，它给出的答案。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Each pixel of the 28×28 pictures becomes this many pixels</source>
        <translation>28×28 图片的每个像素放大成这么多个像素</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>No network yet: start training in the studio (or load a model) and the pictures appear here.</source>
        <translation>还没有网络：先在主窗口中开始训练（或载入一个模型），图片就会出现在这里。</translation>
    </message>
    <message>
        <source>The studio&apos;s network (%1) does not take square pictures with ten outputs, so there is no digit to imagine.</source>
        <translation>主窗口的网络（%1）的输入不是正方形图片、输出也不是十个，所以没有数字可以想象。</translation>
    </message>
    <message>
        <source>label %1
seen as %2 (%3)</source>
        <translation>标签 %1
被认作 %2（%3）</translation>
    </message>
    <message>
        <source>Network %1 after %2 training samples (epoch %3, learning rate %4).</source>
        <translation>网络 %1，已训练 %2 个样本（第 %3 轮，学习率 %4）。</translation>
    </message>
    <message>
        <source>Export back query pictures</source>
        <translation>导出反向查询图片</translation>
    </message>
    <message>
        <source>backquery.png</source>
        <translation>backquery.png</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Back query: what the network imagines</source>
        <translation>反向查询：网络想象中的数字</translation>
    </message>
</context>
<context>
    <name>bps::BookExamplesLesson</name>
    <message>
        <source>Two inputs, two neurons</source>
        <translation>两个输入，两个神经元</translation>
    </message>
    <message>
        <source>Three layers of three</source>
        <translation>三层，每层三个</translation>
    </message>
    <message>
        <source>Updating one weight</source>
        <translation>更新一个权重</translation>
    </message>
    <message>
        <source>Splitting the error by the weights</source>
        <translation>按权重分配误差</translation>
    </message>
    <message>
        <source>Step phase ▶</source>
        <translation>下一阶段 ▶</translation>
    </message>
    <message>
        <source>Run the whole sample ▶▶</source>
        <translation>走完整个样本 ▶▶</translation>
    </message>
    <message>
        <source>Start again ⟲</source>
        <translation>重新开始 ⟲</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>例子：</translation>
    </message>
    <message>
        <source>forward through W%1</source>
        <translation>前向传播经过 W%1</translation>
    </message>
    <message>
        <source>output error E = T − O</source>
        <translation>输出误差 E = T − O</translation>
    </message>
    <message>
        <source>errors back through W%1ᵀ</source>
        <translation>误差反向经过 W%1ᵀ</translation>
    </message>
    <message>
        <source>update W%1</source>
        <translation>更新 W%1</translation>
    </message>
    <message>
        <source>Phase %1 of %2 — sample finished</source>
        <translation>第 %1 / %2 阶段——样本已完成</translation>
    </message>
    <message>
        <source>Phase %1 of %2 — next: %3</source>
        <translation>第 %1 / %2 阶段——下一步：%3</translation>
    </message>
    <message>
        <source>Output errors e&lt;sub&gt;1&lt;/sub&gt; = %1, e&lt;sub&gt;2&lt;/sub&gt; = %2; weights w&lt;sub&gt;11&lt;/sub&gt; = %3, w&lt;sub&gt;21&lt;/sub&gt; = %4 (into output 1), w&lt;sub&gt;12&lt;/sub&gt; = %5, w&lt;sub&gt;22&lt;/sub&gt; = %6 (into output 2).</source>
        <translation>输出误差 e&lt;sub&gt;1&lt;/sub&gt; = %1，e&lt;sub&gt;2&lt;/sub&gt; = %2；权重 w&lt;sub&gt;11&lt;/sub&gt; = %3，w&lt;sub&gt;21&lt;/sub&gt; = %4（连到输出 1），w&lt;sub&gt;12&lt;/sub&gt; = %5，w&lt;sub&gt;22&lt;/sub&gt; = %6（连到输出 2）。</translation>
    </message>
    <message>
        <source>1. In proportion to the weights</source>
        <translation>1. 按权重的比例分配</translation>
    </message>
    <message>
        <source>2. Wᵀ·e (what the book adopts)</source>
        <translation>2. Wᵀ·e（书中采用的做法）</translation>
    </message>
    <message>
        <source>The difference:</source>
        <translation>两者的差别：</translation>
    </message>
    <message>
        <source>Wᵀ·e drops the fractions&apos; denominators: each output error is multiplied by the weights, not by their share, so it is scaled by the sum of the weights into that output (here %1 and %2). Wᵀ·e comes out %3× and %4× the proportional split.</source>
        <translation>Wᵀ·e 去掉了分数的分母：每个输出误差直接乘以权重，而不是乘以权重所占的比例，所以它被放大了连到该输出的权重之和（这里是 %1 和 %2）。Wᵀ·e 分别是按比例分配的 %3 倍和 %4 倍。</translation>
    </message>
    <message>
        <source>Both sums are equal, so the two ways give the same proportions: only the size differs.</source>
        <translation>两个和相等，所以两种方法给出的比例相同：只是大小不同。</translation>
    </message>
    <message>
        <source>The sums differ, so the proportions shift a little.</source>
        <translation>两个和不相等，所以比例会稍有变化。</translation>
    </message>
    <message>
        <source>Either way the bigger weight gets the bigger share of the blame, and the learning rate takes care of size. The book keeps the simpler matrix form: one multiplication a computer does fast.</source>
        <translation>无论哪种方法，权重大的一方都分到更多的误差，而大小由学习率来调节。书中保留更简单的矩阵形式：计算机很快就能算完的一次乘法。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Two inputs, two neurons.&lt;/b&gt; Inputs 1.0 and 0.5, weights w&lt;sub&gt;11&lt;/sub&gt; 0.9, w&lt;sub&gt;12&lt;/sub&gt; 0.2, w&lt;sub&gt;21&lt;/sub&gt; 0.3, w&lt;sub&gt;22&lt;/sub&gt; 0.8.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; press &lt;i&gt;Step phase&lt;/i&gt; once. &lt;b&gt;Notice:&lt;/b&gt; each neuron adds up its weighted inputs (X = W·I) and squashes the sum with the sigmoid; the outputs are the book&apos;s 0.7408 and 0.6457. The target used for the later phases is chosen here; the book stops at the outputs.</source>
        <translation>&lt;b&gt;两个输入，两个神经元。&lt;/b&gt;输入为 1.0 和 0.5，权重 w&lt;sub&gt;11&lt;/sub&gt; 0.9、w&lt;sub&gt;12&lt;/sub&gt; 0.2、w&lt;sub&gt;21&lt;/sub&gt; 0.3、w&lt;sub&gt;22&lt;/sub&gt; 0.8。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;按一次&lt;i&gt;下一阶段&lt;/i&gt;。&lt;b&gt;注意：&lt;/b&gt;每个神经元把加权后的输入加起来（X = W·I），再用 S 函数把和压缩；输出就是书中的 0.7408 和 0.6457。后面几个阶段所用的目标值是在这里选定的；书中只讲到输出为止。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Three layers of three.&lt;/b&gt; Input 0.9, 0.1, 0.8 and the book&apos;s two weight matrices.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; step twice. &lt;b&gt;Notice:&lt;/b&gt; the hidden layer&apos;s net input is 1.16, 0.42, 0.62 and the outputs are 0.726, 0.708, 0.778 — the same matrix multiplication, done once per layer. Click a neuron to see its row.</source>
        <translation>&lt;b&gt;三层，每层三个。&lt;/b&gt;输入 0.9、0.1、0.8，以及书中的两个权重矩阵。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;单步两次。&lt;b&gt;注意：&lt;/b&gt;隐藏层的净输入是 1.16、0.42、0.62，输出是 0.726、0.708、0.778——同样的矩阵乘法，每层做一次。点击一个神经元可以看到它对应的那一行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Updating one weight.&lt;/b&gt; The two neurons on the left are the hidden outputs 0.4 and 0.5 of the book&apos;s figure; w&lt;sub&gt;11&lt;/sub&gt; = 2.0, w&lt;sub&gt;21&lt;/sub&gt; = 3.0, the error at output 1 is 0.8 and α = 0.1.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; step to the update. &lt;b&gt;Notice:&lt;/b&gt; w&lt;sub&gt;11&lt;/sub&gt; moves only a little, from 2.0 to 2.00265: the sigmoid&apos;s slope o(1−o) at output 1 is small, and α moderates the step.</source>
        <translation>&lt;b&gt;更新一个权重。&lt;/b&gt;左边的两个神经元是书中插图里的隐藏层输出 0.4 和 0.5；w&lt;sub&gt;11&lt;/sub&gt; = 2.0，w&lt;sub&gt;21&lt;/sub&gt; = 3.0，输出 1 的误差是 0.8，α = 0.1。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;单步走到更新阶段。&lt;b&gt;注意：&lt;/b&gt;w&lt;sub&gt;11&lt;/sub&gt; 只变了一点点，从 2.0 变成 2.00265：输出 1 处 S 函数的斜率 o(1−o) 很小，而且 α 让这一步变得温和。</translation>
    </message>
    <message>
        <source>The book&apos;s worked examples</source>
        <translation>书中的例题</translation>
    </message>
    <message>
        <source>Which worked example of the book to follow, with its inputs and weights</source>
        <translation>要跟着算的书中例子，连同它的输入和权重</translation>
    </message>
    <message>
        <source>Do the next phase of the calculation and watch its numbers appear in the network and the maths panel</source>
        <translation>执行计算的下一个阶段，看它的数字出现在网络图和数学面板中</translation>
    </message>
    <message>
        <source>Do all the remaining phases of this sample at once</source>
        <translation>把这个样本剩下的阶段一次做完</translation>
    </message>
    <message>
        <source>Go back to the example&apos;s starting weights, before the first phase</source>
        <translation>回到这个例子的初始权重，即第一个阶段之前</translation>
    </message>
    <message>
        <source>Step to the output error phase.</source>
        <translation>请单步走到输出误差阶段。</translation>
    </message>
    <message>
        <source>The update has since moved the weights (see the network and the maths panel); the split above stays worked on the weights the error was split by.</source>
        <translation>之后的更新已经改变了权重（见网络和数学面板）；上面的分配仍按误差分配时所用的权重计算。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Splitting the error.&lt;/b&gt; The book&apos;s figure: the two neurons on the left are hidden neurons with outputs 0.4 and 0.5, the output errors are 0.8 and 0.5. Which hidden neuron is to blame for an output&apos;s error? The one with the bigger weight to it.&lt;br&gt;&lt;b&gt;Notice:&lt;/b&gt; the two ways on the right give different numbers but the same proportions. &lt;b&gt;Try:&lt;/b&gt; step on to see the weights change; the split stays worked on the weights the error was split by.</source>
        <translation>&lt;b&gt;分配误差。&lt;/b&gt;这是书中的插图：左边的两个神经元是隐藏神经元，输出为 0.4 和 0.5；输出误差是 0.8 和 0.5。一个输出的误差该怪哪个隐藏神经元？怪连到它的权重更大的那个。&lt;br&gt;&lt;b&gt;注意：&lt;/b&gt;右边两种做法得到的数字不同，但比例相同。&lt;b&gt;试一试：&lt;/b&gt;继续单步，看看权重怎样变化；误差分配仍按分配误差时所用的权重计算。</translation>
    </message>
</context>
<context>
    <name>bps::BugPlot</name>
    <message>
        <source>Click to add a bug (right-click: the other kind)</source>
        <translation>点击添加一只虫子（右键：另一种）</translation>
    </message>
    <message>
        <source>width (x)</source>
        <translation>宽度 (x)</translation>
    </message>
    <message>
        <source>length (y)</source>
        <translation>长度 (y)</translation>
    </message>
    <message>
        <source>y = %1·x</source>
        <translation>y = %1·x</translation>
    </message>
    <message>
        <source>y = %1·x + %2</source>
        <translation>y = %1·x + %2</translation>
    </message>
    <message>
        <source>E = t − y = %1</source>
        <translation>E = t − y = %1</translation>
    </message>
    <message>
        <source>target t = %1</source>
        <translation>目标 t = %1</translation>
    </message>
    <message>
        <source>ladybird (belongs below the line)</source>
        <translation>瓢虫（应在直线下方）</translation>
    </message>
    <message>
        <source>caterpillar (belongs above it)</source>
        <translation>毛毛虫（应在直线上方）</translation>
    </message>
</context>
<context>
    <name>bps::CalculationCheckForm</name>
    <message>
        <source>“%1” is not a number. Type it like 0.0123 or -1.2e-3.</source>
        <translation>“%1”不是数字。请像 0.0123 或 -1.2e-3 这样输入。</translation>
    </message>
    <message>
        <source>Not computed yet: E is known once the forward pass reaches the output. Step on (→).</source>
        <translation>还没有算出：前向传播到达输出层后才知道 E。请继续单步执行（→）。</translation>
    </message>
    <message>
        <source>Not computed yet: O(1 − O) of this layer is known once the forward pass reaches it. Step on (→).</source>
        <translation>还没有算出：前向传播到达这一层后才知道它的 O(1 − O)。请继续单步执行（→）。</translation>
    </message>
    <message>
        <source>Not computed yet: this ΔW needs the error of the layer the weight feeds, which is sent back later. Step on (→).</source>
        <translation>还没有算出：这个 ΔW 需要该权重所连向的那一层的误差，它稍后才会传回来。请继续单步执行（→）。</translation>
    </message>
    <message>
        <source>the learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>the error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>the slope o(1 − o)</source>
        <translation>斜率 o(1 − o)</translation>
    </message>
    <message>
        <source>the previous output o_j</source>
        <translation>前一个输出 o_j</translation>
    </message>
    <message>
        <source>row and column (a transpose mix-up)</source>
        <translation>行和列（转置混淆）</translation>
    </message>
    <message>
        <source>α was left out</source>
        <translation>漏掉了 α</translation>
    </message>
    <message>
        <source>the error was taken as o − t instead of t − o</source>
        <translation>误差取成了 o − t，而不是 t − o</translation>
    </message>
    <message>
        <source>the error was left out</source>
        <translation>漏掉了误差</translation>
    </message>
    <message>
        <source>the error was squared</source>
        <translation>误差被平方了</translation>
    </message>
    <message>
        <source>an output node&apos;s t − o was used for a hidden node, whose error is the one sent back</source>
        <translation>隐藏节点用了一个输出节点的 t − o，而隐藏节点的误差应该是传回来的那个</translation>
    </message>
    <message>
        <source>the slope o(1 − o) was left out</source>
        <translation>漏掉了斜率 o(1 − o)</translation>
    </message>
    <message>
        <source>o was used in place of o(1 − o)</source>
        <translation>用 o 代替了 o(1 − o)</translation>
    </message>
    <message>
        <source>the net input x was used in place of the output o in o(1 − o)</source>
        <translation>在 o(1 − o) 中用净输入 x 代替了输出 o</translation>
    </message>
    <message>
        <source>the slope of the node the weight comes from was used</source>
        <translation>用了权重出发节点的斜率</translation>
    </message>
    <message>
        <source>the output o_j of the node the weight comes from was left out</source>
        <translation>漏掉了权重出发节点的输出 o_j</translation>
    </message>
    <message>
        <source>the node&apos;s own output was used in place of o_j</source>
        <translation>用节点自己的输出代替了 o_j</translation>
    </message>
    <message>
        <source>the output of another node (%1) was used in place of o_j</source>
        <translation>用另一个节点（%1）的输出代替了 o_j</translation>
    </message>
    <message>
        <source>row and column were swapped: that is the entry ΔW(%1, %2)</source>
        <translation>行和列对调了：那是 ΔW(%1, %2) 这一项</translation>
    </message>
    <message>
        <source>the errors t − o were added without squaring (they can cancel)</source>
        <translation>误差 t − o 没有平方就相加了（它们会互相抵消）</translation>
    </message>
    <message>
        <source>|t − o| was added instead of (t − o)²</source>
        <translation>加的是 |t − o|，而不是 (t − o)²</translation>
    </message>
    <message>
        <source>the sum was halved</source>
        <translation>总和被减半了</translation>
    </message>
    <message>
        <source>the mean was taken instead of the sum</source>
        <translation>取了平均值而不是总和</translation>
    </message>
    <message>
        <source>only one output&apos;s (t − o)² was counted</source>
        <translation>只算了一个输出的 (t − o)²</translation>
    </message>
    <message>
        <source>only o was taken, without (1 − o)</source>
        <translation>只取了 o，没有乘 (1 − o)</translation>
    </message>
    <message>
        <source>only 1 − o was taken</source>
        <translation>只取了 1 − o</translation>
    </message>
    <message>
        <source>the net input x was used in place of the output o</source>
        <translation>用净输入 x 代替了输出 o</translation>
    </message>
    <message>
        <source>o² was taken</source>
        <translation>取了 o²</translation>
    </message>
    <message>
        <source>Work it out from the values, type it in and press Check. Right means within %1 % of the network&apos;s value (or ±%2 near 0).</source>
        <translation>根据这些数值算出来，输入后按“检查”。与网络的值相差 %1 % 以内（接近 0 时为 ±%2 以内）就算对。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Right.&lt;/b&gt; %1 is within ±%2 of the network&apos;s %3.</source>
        <translation>&lt;b&gt;正确。&lt;/b&gt;%1 与网络的 %3 相差在 ±%2 以内。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not right&lt;/b&gt; (allowed: ±%1). Try again.</source>
        <translation>&lt;b&gt;不对&lt;/b&gt;（允许误差：±%1）。再试一次。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not right.&lt;/b&gt; You wrote %1; the network has &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;不对。&lt;/b&gt;你写的是 %1；网络的值是 &lt;b&gt;%2&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>It is none of the usual single slips: check each factor.</source>
        <translation>它不是常见的单个失误：请逐个检查各因子。</translation>
    </message>
    <message>
        <source>It looks as if %1 (that gives %2). The factor that differs: %3.</source>
        <translation>看起来像是%1（那样得到 %2）。出错的因子：%3。</translation>
    </message>
    <message>
        <source>E = Σ (t − o)² of the sample</source>
        <translation>样本的 E = Σ (t − o)²</translation>
    </message>
    <message>
        <source>the slope O(1 − O) of a node</source>
        <translation>一个节点的斜率 O(1 − O)</translation>
    </message>
    <message>
        <source>one entry of ΔW</source>
        <translation>ΔW 的一项</translation>
    </message>
    <message>
        <source>What to work out by hand</source>
        <translation>要手算的量</translation>
    </message>
    <message>
        <source>Work out:</source>
        <translation>计算：</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>你的答案：</translation>
    </message>
    <message>
        <source>A number, like 0.0123</source>
        <translation>一个数，例如 0.0123</translation>
    </message>
    <message>
        <source>e.g. 0.0123</source>
        <translation>例如 0.0123</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Compare your answer with the network&apos;s value</source>
        <translation>把你的答案与网络的值比较</translation>
    </message>
    <message>
        <source>Hints: name the slip and show the right value</source>
        <translation>提示：指出失误并显示正确的值</translation>
    </message>
    <message>
        <source>Turn off for a test: the answer is then only marked right or not</source>
        <translation>测验时关闭：答案只标为对或不对</translation>
    </message>
</context>
<context>
    <name>bps::CalculationCheckLesson</name>
    <message>
        <source>&lt;b&gt;The book&apos;s three layers of three, one training step, α = %1.&lt;/b&gt;&lt;br&gt;input I = %2, target T = %3&lt;br&gt;W0 (input → hidden) = %4&lt;br&gt;W1 (hidden → output) = %5&lt;br&gt;hidden: X1 = %6, O1 = %7&lt;br&gt;output: X2 = %8, O2 = %9&lt;br&gt;errors: E2 = T − O2 = %10, E1 = W1ᵀ·E2 = %11&lt;br&gt;W(r, c) is the weight from node c to node r; nodes count from 1.</source>
        <translation>&lt;b&gt;书中的三层、每层三个，训练一步，α = %1。&lt;/b&gt;&lt;br&gt;输入 I = %2，目标 T = %3&lt;br&gt;W0（输入层 → 隐藏层）= %4&lt;br&gt;W1（隐藏层 → 输出层）= %5&lt;br&gt;隐藏层：X1 = %6，O1 = %7&lt;br&gt;输出层：X2 = %8，O2 = %9&lt;br&gt;误差：E2 = T − O2 = %10，E1 = W1ᵀ·E2 = %11&lt;br&gt;W(r, c) 是从节点 c 到节点 r 的权重；节点从 1 开始编号。</translation>
    </message>
    <message>
        <source>The values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Your calculation</source>
        <translation>你的计算</translation>
    </message>
    <message>
        <source>&lt;b&gt;Calculate, then check.&lt;/b&gt; Pick a quantity, work it out on paper from the values, and type it in. An answer within 1 % counts as right. When it is not, the lesson tries the usual slips one at a time and names the factor that differs.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; ΔW of W1 from node 1 to node 1: α · e · o(1 − o) · o_j with the output node&apos;s e and o and the hidden node&apos;s o_j. &lt;b&gt;Notice:&lt;/b&gt; leave a factor out on purpose and see it named.</source>
        <translation>&lt;b&gt;先计算，再检查。&lt;/b&gt;选一个量，根据这些数值在纸上算出来，然后输入。与正确值相差 1 % 以内就算对。不对时，本课会逐个尝试常见的失误，并指出出错的因子。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;W1 中从节点 1 到节点 1 的 ΔW：α · e · o(1 − o) · o_j，其中 e 和 o 取输出节点的，o_j 取隐藏节点的。&lt;b&gt;注意：&lt;/b&gt;故意漏掉一个因子，看它被指出来。</translation>
    </message>
    <message>
        <source>Check my calculation</source>
        <translation>检查我的计算</translation>
    </message>
</context>
<context>
    <name>bps::ChainRuleLesson</name>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>the bias node of the %1 layer</source>
        <translation>%1的偏置节点</translation>
    </message>
    <message>
        <source>%1 node %2</source>
        <translation>%1节点 %2</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>f</source>
        <translation>f</translation>
    </message>
    <message>
        <source>E = Σ (t − o)² and only %1 depends on %2, so by the chain rule: &lt;b&gt;∂E/∂%2 = ∂E/∂%1 · ∂%1/∂%2&lt;/b&gt;</source>
        <translation>E = Σ (t − o)²，其中只有 %1 依赖于 %2，所以由链式法则：&lt;b&gt;∂E/∂%2 = ∂E/∂%1 · ∂%1/∂%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>∂E/∂%1 = −2(t&lt;sub&gt;k&lt;/sub&gt; − %1) = −2·(%2 − %3) = &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>∂E/∂%1 = −2(t&lt;sub&gt;k&lt;/sub&gt; − %1) = −2·(%2 − %3) = &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>In place of t − o, the error e&lt;sub&gt;j&lt;/sub&gt; of the hidden node: the output errors split back by the weights, Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;jk&lt;/sub&gt;·e&lt;sub&gt;k&lt;/sub&gt; = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>用隐藏节点的误差 e&lt;sub&gt;j&lt;/sub&gt; 代替 t − o：输出误差按权重分回来，Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;jk&lt;/sub&gt;·e&lt;sub&gt;k&lt;/sub&gt; = &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>In place of t − o, the error e&lt;sub&gt;j&lt;/sub&gt; of the hidden node: the output errors sent back through their slopes, Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;jk&lt;/sub&gt;·e&lt;sub&gt;k&lt;/sub&gt;·o&lt;sub&gt;k&lt;/sub&gt;(1 − o&lt;sub&gt;k&lt;/sub&gt;) = &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>用隐藏节点的误差 e&lt;sub&gt;j&lt;/sub&gt; 代替 t − o：输出误差连同它们的斜率一起传回来，Σ&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;jk&lt;/sub&gt;·e&lt;sub&gt;k&lt;/sub&gt;·o&lt;sub&gt;k&lt;/sub&gt;(1 − o&lt;sub&gt;k&lt;/sub&gt;) = &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>∂E/∂%1 = −2·e&lt;sub&gt;j&lt;/sub&gt; = −2·%2 = &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>∂E/∂%1 = −2·e&lt;sub&gt;j&lt;/sub&gt; = −2·%2 = &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 = %2(Σ %3·%4) = %2(%5) = &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>%1 = %2(Σ %3·%4) = %2(%5) = &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>∂%1/∂%2 = sigmoid(Σ w·%3)·(1 − sigmoid(Σ w·%3)) · %3 = %4·(1 − %4)·%5 = &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>∂%1/∂%2 = sigmoid(Σ w·%3)·(1 − sigmoid(Σ w·%3)) · %3 = %4·(1 − %4)·%5 = &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>∂%1/∂%2 = f′(Σ w·%3) · %3 = %4·%5 = &lt;b&gt;%6&lt;/b&gt;</source>
        <translation>∂%1/∂%2 = f′(Σ w·%3) · %3 = %4·%5 = &lt;b&gt;%6&lt;/b&gt;</translation>
    </message>
    <message>
        <source>∂E/∂%1 = −2·%2 · %3(1 − %3) · %4 = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>∂E/∂%1 = −2·%2 · %3(1 − %3) · %4 = &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Drop the 2 (only the direction matters): ∂E/∂%1 = −%2 · %3(1 − %3) · %4 = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>去掉 2（只有方向要紧）：∂E/∂%1 = −%2 · %3(1 − %3) · %4 = &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>new %1 = old %1 − α · ∂E/∂%1 = %2 − %3 · %4 = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>新的 %1 = 旧的 %1 − α · ∂E/∂%1 = %2 − %3 · %4 = &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>One real training step on this sample changes this weight by ΔW = &lt;b&gt;%1&lt;/b&gt;, to %2: the same number as −α · ∂E/∂%3 = %4.</source>
        <translation>用这个样本真正训练一步，这个权重改变 ΔW = &lt;b&gt;%1&lt;/b&gt;，变为 %2：与 −α · ∂E/∂%3 = %4 是同一个数。</translation>
    </message>
    <message>
        <source>Nudge the weight by h = %1 both ways on the same sample and measure E:&lt;br&gt;E(w + h) = %2, E(w − h) = %3&lt;br&gt;(E(w + h) − E(w − h)) / 2h = %4; with the 2 dropped:&lt;br&gt;measured: &lt;b&gt;%5&lt;/b&gt;&lt;br&gt;chain rule: &lt;b&gt;%6&lt;/b&gt;&lt;br&gt;</source>
        <translation>在同一个样本上把权重向两边各推动 h = %1，测量 E：&lt;br&gt;E(w + h) = %2，E(w − h) = %3&lt;br&gt;(E(w + h) − E(w − h)) / 2h = %4；去掉 2 之后：&lt;br&gt;实测：&lt;b&gt;%5&lt;/b&gt;&lt;br&gt;链式法则：&lt;b&gt;%6&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message numerus="yes">
        <source>They agree to %n significant digit(s): the formula is right.</source>
        <translation>
            <numerusform>两者在 %n 位有效数字上一致：公式是对的。</numerusform>
        </translation>
    </message>
    <message>
        <source>They differ: the book&apos;s rule sends the raw errors back (Wᵀ·e), leaving out the slopes o(1 − o) of the layer above, so for a hidden weight it is not the exact slope of E — only close to it in direction. Choose the exact errors to see them agree.</source>
        <translation>两者不同：书中的规则把原始误差传回去（Wᵀ·e），漏掉了上一层的斜率 o(1 − o)，所以对隐藏层的权重来说，它不是 E 的精确斜率——只是方向相近。选择“精确”的误差就能看到两者一致。</translation>
    </message>
    <message>
        <source>For all weights of the layer at once: &lt;b&gt;ΔW = α · (E ∘ O(1 − O)) · O&lt;sub&gt;prev&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;&lt;/b&gt;. The sigmoid itself has disappeared: its slope is written with its output alone, O(1 − O).&lt;br&gt;This entry: %1 · %2 · %3 · %4 = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>一次算出这一层的所有权重：&lt;b&gt;ΔW = α · (E ∘ O(1 − O)) · O&lt;sub&gt;prev&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;&lt;/b&gt;。sigmoid 函数本身不见了：它的斜率只用它的输出来写，O(1 − O)。&lt;br&gt;这一项：%1 · %2 · %3 · %4 = &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sample: input (%1), target (%2).</source>
        <translation>样本：输入 (%1)，目标 (%2)。</translation>
    </message>
    <message>
        <source>Sample: the studio&apos;s current one (%1 inputs, label %2).</source>
        <translation>样本：主窗口当前的样本（%1 个输入，标签 %2）。</translation>
    </message>
    <message>
        <source>The weight: from %1 to %2, now %3; E of the sample = %4.</source>
        <translation>权重：从%1到%2，现在为 %3；这个样本的 E = %4。</translation>
    </message>
    <message>
        <source>Pick a weight</source>
        <translation>选一个权重</translation>
    </message>
    <message>
        <source>The book&apos;s derivation, with this sample&apos;s numbers</source>
        <translation>书中的推导，代入这个样本的数字</translation>
    </message>
    <message>
        <source>Check: the slope measured</source>
        <translation>检验：实测的斜率</translation>
    </message>
    <message>
        <source>The matrix form</source>
        <translation>矩阵形式</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Errors sent back:</source>
        <translation>传回的误差：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>the book&apos;s 3-3-3</source>
        <translation>书中的 3-3-3</translation>
    </message>
    <message>
        <source>the studio&apos;s network</source>
        <translation>主窗口的网络</translation>
    </message>
    <message>
        <source>the studio&apos;s network (step a sample first)</source>
        <translation>主窗口的网络（请先单步训练一个样本）</translation>
    </message>
    <message>
        <source>the book&apos;s: Wᵀ·e</source>
        <translation>书中的：Wᵀ·e</translation>
    </message>
    <message>
        <source>exact: Wᵀ·(e ∘ o(1 − o))</source>
        <translation>精确：Wᵀ·(e ∘ o(1 − o))</translation>
    </message>
    <message>
        <source>The learning rate α of the update</source>
        <translation>更新所用的学习率 α</translation>
    </message>
    <message>
        <source>Next line</source>
        <translation>下一行</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>From the top</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why each weight moves the way it does.&lt;/b&gt; The error E depends on a weight only through the output of the node it feeds, so its slope is a product of a few factors you can see: the error, the sigmoid&apos;s slope o(1 − o), and the signal coming in. Gradient descent moves the weight against that slope.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; press Next line to follow the book&apos;s steps, then pick another weight or an input → hidden one. &lt;b&gt;Notice:&lt;/b&gt; the slope measured by nudging the weight agrees with the formula, and the update is exactly ΔW.</source>
        <translation>&lt;b&gt;每个权重为什么这样变化。&lt;/b&gt;误差 E 只通过权重所连节点的输出依赖于这个权重，所以它的斜率是几个看得见的因子的乘积：误差、sigmoid 的斜率 o(1 − o)，以及传进来的信号。梯度下降让权重逆着这个斜率移动。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;按“下一行”跟着书中的步骤走，然后选另一个权重，或者一个输入层 → 隐藏层的权重。&lt;b&gt;注意：&lt;/b&gt;推动权重实测出的斜率与公式一致，而更新正好就是 ΔW。</translation>
    </message>
    <message>
        <source>The slope of one weight: the chain rule</source>
        <translation>一个权重的斜率：链式法则</translation>
    </message>
    <message>
        <source>Whose weights and sample the derivation uses: the book&apos;s small network, or the studio&apos;s network on its current sample</source>
        <translation>推导用谁的权重和样本：书中的小网络，或主窗口的网络及其当前样本</translation>
    </message>
    <message>
        <source>How the errors travel back to a hidden node: the book&apos;s rule, or the exact gradient (they agree on the last layer)</source>
        <translation>误差怎样传回隐藏节点：书中的规则，或精确的梯度（两者在最后一层一致）</translation>
    </message>
    <message>
        <source>Show the next line of the derivation</source>
        <translation>显示推导的下一行</translation>
    </message>
    <message>
        <source>Show every line at once</source>
        <translation>一次显示所有行</translation>
    </message>
    <message>
        <source>Hide all but the first line, to go through it again</source>
        <translation>只留第一行，从头再走一遍</translation>
    </message>
</context>
<context>
    <name>bps::ChallengeDialog</name>
    <message>
        <source>Challenge</source>
        <translation>挑战</translation>
    </message>
    <message>
        <source>Each student&apos;s studio shows the goal and whether their run meets it; the class table marks who did.</source>
        <translation>每个学生的 Studio 都会显示目标以及自己的训练是否达成；班级表格标出谁做到了。</translation>
    </message>
    <message>
        <source>Test accuracy &amp;at least:</source>
        <translation>测试准确率至少(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Hidden neurons at most:</source>
        <translation>隐藏神经元至多(&amp;H)：</translation>
    </message>
    <message>
        <source>any number</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Start everyone from this studio&apos;s network, settings and data</source>
        <translation>让大家从本 Studio 的网络、设置和数据开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Send to the class</source>
        <translation>发送给全班(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bps::CheckPanel</name>
    <message>
        <source>Check my calculation</source>
        <translation>检查我的计算</translation>
    </message>
    <message>
        <source>Off. Turn on Training ▸ Check my calculation to work out a value of this step by hand and have it checked.</source>
        <translation>已关闭。打开“训练 ▸ 检查我的计算”，即可亲手算出这一步的某个值并让程序检查。</translation>
    </message>
    <message>
        <source>Load a training set and step a sample (Step phase, →).</source>
        <translation>请载入训练集，并单步执行一个样本（“下一阶段”，→）。</translation>
    </message>
    <message>
        <source>Pause and step phase by phase (Step phase, →): then work out E, a slope O(1 − O) or one ΔW of the sample by hand and check it here.</source>
        <translation>请暂停，然后逐个阶段单步执行（“下一阶段”，→）：再亲手算出这个样本的 E、某个斜率 O(1 − O) 或一个 ΔW，在这里检查。</translation>
    </message>
    <message>
        <source>The check knows the sigmoid&apos;s slope o(1 − o) only: choose the sigmoid activation (the book&apos;s) under Network to use it.</source>
        <translation>检查只认识 S 函数的斜率 o(1 − o)：要使用它，请在“网络”中选择 S 函数激活（书中所用）。</translation>
    </message>
    <message>
        <source>Sample %1 (label %2), α = %3. Click a connection (its ΔW) or a neuron (its slope), or pick below. Nodes count from 0.</source>
        <translation>样本 %1（标签 %2），α = %3。点击一条连接（它的 ΔW）或一个神经元（它的斜率），或在下面选择。节点从 0 开始编号。</translation>
    </message>
    <message>
        <source>The values to work with are in the network view&apos;s tooltips and the maths panel</source>
        <translation>计算所需的数值见网络图的提示和数学面板</translation>
    </message>
</context>
<context>
    <name>bps::ClassActions</name>
    <message>
        <source>The teacher&apos;s sweep: your α is %1. Press Play.</source>
        <translation>教师的扫描：你的 α 是 %1。请按“播放”。</translation>
    </message>
    <message>
        <source>The teacher&apos;s challenge: the starting session is loaded.</source>
        <translation>教师的挑战：起始会话已载入。</translation>
    </message>
    <message>
        <source>The teacher&apos;s session is loaded.</source>
        <translation>教师的会话已载入。</translation>
    </message>
    <message>
        <source>A session from the teacher was not opened: %1</source>
        <translation>未打开教师发来的会话：%1</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>课堂</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>课堂(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Host a class…</source>
        <translation>主持课堂(&amp;H)…</translation>
    </message>
    <message>
        <source>Listen on the room&apos;s network; students join with the code</source>
        <translation>在教室网络上监听；学生用加入码加入</translation>
    </message>
    <message>
        <source>&amp;Join a class…</source>
        <translation>加入课堂(&amp;J)…</translation>
    </message>
    <message>
        <source>Send your run to the teacher&apos;s screen</source>
        <translation>把你的训练发送到教师的屏幕上</translation>
    </message>
    <message>
        <source>Class s&amp;weep…</source>
        <translation>全班扫描(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Stop hosting</source>
        <translation>停止主持(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Leave the class</source>
        <translation>离开课堂(&amp;L)</translation>
    </message>
    <message>
        <source>Host a class</source>
        <translation>主持课堂</translation>
    </message>
    <message>
        <source>The class could not be hosted on port %1: %2</source>
        <translation>无法在端口 %1 上主持课堂：%2</translation>
    </message>
    <message>
        <source>Join a class</source>
        <translation>加入课堂</translation>
    </message>
    <message>
        <source>Class sweep</source>
        <translation>全班扫描</translation>
    </message>
    <message>
        <source>No student has joined yet.</source>
        <translation>还没有学生加入。</translation>
    </message>
    <message>
        <source>Challenge</source>
        <translation>挑战</translation>
    </message>
    <message>
        <source>Class: joined as %1</source>
        <translation>课堂：已以 %1 加入</translation>
    </message>
    <message>
        <source>Class: connecting…</source>
        <translation>课堂：正在连接…</translation>
    </message>
    <message>
        <source>Class: the teacher&apos;s studio is away; trying again</source>
        <translation>课堂：教师的 Studio 不在线；正在重试</translation>
    </message>
    <message>
        <source>Class: wrong join code</source>
        <translation>课堂：加入码错误</translation>
    </message>
    <message>
        <source>Class: that name is taken; join with another</source>
        <translation>课堂：该名字已被使用；请换一个名字加入</translation>
    </message>
    <message>
        <source>Class: that name is not allowed</source>
        <translation>课堂：不允许使用该名字</translation>
    </message>
    <message>
        <source>Class: the teacher removed you from the class</source>
        <translation>课堂：教师已将你移出课堂</translation>
    </message>
    <message>
        <source>Class: the teacher&apos;s studio is another version</source>
        <translation>课堂：教师的 Studio 是另一个版本</translation>
    </message>
    <message>
        <source>Class: refused</source>
        <translation>课堂：被拒绝</translation>
    </message>
    <message>
        <source>Class: not connected</source>
        <translation>课堂：未连接</translation>
    </message>
    <message>
        <source>Goal: %1 — %2</source>
        <translation>目标：%1 — %2</translation>
    </message>
    <message>
        <source>met ✓</source>
        <translation>已达成 ✓</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未达成</translation>
    </message>
    <message>
        <source>Challen&amp;ge…</source>
        <translation>挑战(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>bps::ClassMode</name>
    <message>
        <source>≥ %1 % on the test set with at most %2 hidden neurons</source>
        <translation>测试集上 ≥ %1 %，隐藏神经元至多 %2 个</translation>
    </message>
    <message>
        <source>≥ %1 % on the test set</source>
        <translation>测试集上 ≥ %1 %</translation>
    </message>
    <message>
        <source>The teacher&apos;s session uses a data file of the teacher&apos;s computer (%1); class sessions can use only the studio&apos;s built-in data.</source>
        <translation>教师的会话使用了教师电脑上的数据文件（%1）；课堂会话只能使用 Studio 内置的数据。</translation>
    </message>
    <message>
        <source>No class is hosted.</source>
        <translation>当前没有主持课堂。</translation>
    </message>
    <message>
        <source>A class sweep needs the same data on every computer: train on one of the studio&apos;s built-in data sets first.</source>
        <translation>全班扫描需要每台电脑上有相同的数据：请先用 Studio 内置的数据集之一进行训练。</translation>
    </message>
    <message>
        <source>A learning rate must be above 0.</source>
        <translation>学习率必须大于 0。</translation>
    </message>
    <message>
        <source>Class sweep: α = %1</source>
        <translation>全班扫描：α = %1</translation>
    </message>
    <message>
        <source>The network is too large to send to the class (%1 MB; at most %2 MB).</source>
        <translation>网络太大，无法发送给全班（%1 MB；至多 %2 MB）。</translation>
    </message>
    <message>
        <source>A challenge&apos;s starting session needs the same data on every computer: train on one of the studio&apos;s built-in data sets first.</source>
        <translation>挑战的起始会话需要每台电脑上有相同的数据：请先用 Studio 内置的数据集之一进行训练。</translation>
    </message>
    <message>
        <source>The network is too large to send to the class.</source>
        <translation>网络太大，无法发送给全班。</translation>
    </message>
    <message>
        <source>the teacher&apos;s session</source>
        <translation>教师的会话</translation>
    </message>
</context>
<context>
    <name>bps::ClassPanel</name>
    <message>
        <source>Give every student the same start with a learning rate of their own</source>
        <translation>让每个学生从相同起点开始，各用自己的学习率</translation>
    </message>
    <message>
        <source>Set a goal (accuracy, network size) that every student&apos;s studio checks</source>
        <translation>设定一个目标（准确率、网络大小），由每个学生的 Studio 检查</translation>
    </message>
    <message>
        <source>End the selected students&apos; connection; they cannot rejoin under the same key</source>
        <translation>断开所选学生的连接；他们不能以同一密钥重新加入</translation>
    </message>
    <message>
        <source>The table as CSV, or the accuracy plot as PNG or SVG (the open tab)</source>
        <translation>把表格导出为 CSV，或把准确率图导出为 PNG 或 SVG（当前打开的标签页）</translation>
    </message>
    <message>
        <source>Close the connections and stop listening on the network</source>
        <translation>关闭所有连接并停止在网络上监听</translation>
    </message>
    <message>
        <source>Join: %1</source>
        <translation>加入：%1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>加入码：%1</translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation>%1 的二维码</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) connected</source>
        <translation>
            <numerusform>已连接 %n 名学生</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n away</source>
        <translation>
            <numerusform>%n 名不在线</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) refused</source>
        <translation>
            <numerusform>拒收 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Challenge: %1 — %2 of %3 met it</source>
        <translation>挑战：%1 — %3 人中 %2 人已达成</translation>
    </message>
    <message>
        <source>Remove students</source>
        <translation>移除学生</translation>
    </message>
    <message>
        <source>Remove %1 from the class?</source>
        <translation>将 %1 移出课堂？</translation>
    </message>
    <message>
        <source>Export the class table</source>
        <translation>导出班级表格</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the accuracy plot</source>
        <translation>导出准确率图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>Test accuracy against learning rate α (class sweep)</source>
        <translation>测试准确率与学习率 α（全班扫描）</translation>
    </message>
    <message>
        <source>Class table</source>
        <translation>班级表格</translation>
    </message>
    <message>
        <source>Accuracy against α</source>
        <translation>准确率与 α</translation>
    </message>
    <message>
        <source>Class sweep…</source>
        <translation>全班扫描…</translation>
    </message>
    <message>
        <source>Challenge…</source>
        <translation>挑战…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Stop hosting</source>
        <translation>停止主持</translation>
    </message>
</context>
<context>
    <name>bps::ClassTableModel</name>
    <message>
        <source>network %1</source>
        <translation>网络 %1</translation>
    </message>
    <message>
        <source>away</source>
        <translation>不在线</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>%1 (away)</source>
        <translation>%1（不在线）</translation>
    </message>
    <message>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>Hidden neurons</source>
        <translation>隐藏神经元</translation>
    </message>
    <message>
        <source>Test accuracy after the last epoch</source>
        <translation>最近一轮之后的测试准确率</translation>
    </message>
    <message>
        <source>Training samples seen</source>
        <translation>已见训练样本</translation>
    </message>
    <message>
        <source>Challenge met (✓) or not yet (–)</source>
        <translation>挑战已达成（✓）或尚未达成（–）</translation>
    </message>
    <message>
        <source>Students whose studio is not connected now</source>
        <translation>工作室当前未连接的学生</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
</context>
<context>
    <name>bps::ControlPanel</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation>连续训练（空格键）</translation>
    </message>
    <message>
        <source>Step phase</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>Run one phase of the training step: forward through one layer, the output error, the error back through one layer, or one weight update (Right arrow)</source>
        <translation>执行训练步骤中的一个阶段：前向传播经过一层、计算输出误差、误差反向经过一层，或更新一层权重（右方向键）</translation>
    </message>
    <message>
        <source>Step sample</source>
        <translation>训练一个样本</translation>
    </message>
    <message>
        <source>Train on one sample: every phase at once</source>
        <translation>用一个样本训练：所有阶段一次做完</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>训练一个轮次</translation>
    </message>
    <message>
        <source>Train to the end of the epoch at full speed</source>
        <translation>全速训练到本轮结束</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Re-initialise the weights from the seed, so the run replays exactly; the curve of this run stays on the chart, faded</source>
        <translation>用种子重新初始化权重，让这次训练能完全重现；本次的曲线会淡化后留在图表上</translation>
    </message>
    <message>
        <source>Learning rate α on a log scale from 0.0001 to 1; it takes effect at the next sample, also while training runs</source>
        <translation>学习率 α，对数刻度，从 0.0001 到 1；从下一个样本起生效，训练进行中也可以调</translation>
    </message>
    <message>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Neurons of each hidden layer, separated by commas: &quot;100&quot; or &quot;200, 50&quot;; empty for no hidden layer</source>
        <translation>每个隐藏层的神经元个数，用逗号分隔：“100”或“200, 50”；留空表示没有隐藏层</translation>
    </message>
    <message>
        <source>sigmoid (the book)</source>
        <translation>S 函数（书中所用）</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Activation of the hidden layers (the output layer is sigmoid)</source>
        <translation>隐藏层的激活函数（输出层使用 S 函数）</translation>
    </message>
    <message>
        <source>1 = update after every sample, as the book does; more = mini-batches (mean ΔW of the batch)</source>
        <translation>1 = 每个样本之后都更新，和书中一样；大于 1 = 小批量（取该批的平均 ΔW）</translation>
    </message>
    <message>
        <source>Seed of the initial weights: the same seed gives the same network</source>
        <translation>初始权重的种子：相同的种子得到相同的网络</translation>
    </message>
    <message>
        <source>New network</source>
        <translation>新建网络</translation>
    </message>
    <message>
        <source>Build a new network with these settings</source>
        <translation>按这些设置新建一个网络</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Strongest incoming connections drawn per neuron (all of them for the neuron under the mouse or selected)</source>
        <translation>每个神经元画出的最强输入连接数（鼠标所指或选中的神经元画出全部连接）</translation>
    </message>
    <message>
        <source>Numbers on connections</source>
        <translation>在连接上显示数值</translation>
    </message>
    <message>
        <source>Show each weight&apos;s value on its connection (small networks)</source>
        <translation>在每条连接上显示其权重值（适用于小网络）</translation>
    </message>
    <message>
        <source>Connections per neuron</source>
        <translation>每个神经元的连接数</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>New network (settings changed)</source>
        <translation>新建网络（设置已更改）</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Slow motion: Play shows every phase</source>
        <translation>慢动作：运行时显示每个阶段</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>forward through W%1: X%2 = W%1·O%1, O%2 = sigmoid(X%2)</source>
        <translation>前向传播经过 W%1：X%2 = W%1·O%1，O%2 = sigmoid(X%2)</translation>
    </message>
    <message>
        <source>output error: E%1 = T − O%1</source>
        <translation>输出误差：E%1 = T − O%1</translation>
    </message>
    <message>
        <source>error back through W%1: E%1 = W%1ᵀ·E%2</source>
        <translation>误差反向经过 W%1：E%1 = W%1ᵀ·E%2</translation>
    </message>
    <message>
        <source>update W%1: ΔW%1 = α·(E%2∘O%2∘(1−O%2))·O%1ᵀ</source>
        <translation>更新 W%1：ΔW%1 = α·(E%2∘O%2∘(1−O%2))·O%1ᵀ</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已完成：%1</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <source>no sample</source>
        <translation>没有样本</translation>
    </message>
    <message>
        <source>Write the neurons of each hidden layer separated by commas, for example &quot;100&quot; or &quot;200, 50&quot; (1 to 4096 each).</source>
        <translation>请写出每个隐藏层的神经元个数，用逗号分隔，例如“100”或“200, 50”（每层 1 到 4096 个）。</translation>
    </message>
    <message>
        <source>Replace the trained network?</source>
        <translation>要替换已训练的网络吗？</translation>
    </message>
    <message>
        <source>A new network starts from new random weights; the trained one is lost (its error curve stays on the chart). Continue?</source>
        <translation>新网络从新的随机权重开始；已训练的网络会丢失（它的误差曲线仍留在图表上）。要继续吗？</translation>
    </message>
    <message>
        <source>sample %1, label %2, prediction %3</source>
        <translation>样本 %1，标签 %2，预测 %3</translation>
    </message>
    <message numerus="yes">
        <source>1 sample every %n s</source>
        <translation>
            <numerusform>每 %n 秒 1 个样本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)/s</source>
        <translation>
            <numerusform>每秒 %n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>Samples trained per second, from slow motion (at 2 per second or fewer each phase is shown) to 5,000 per second</source>
        <translation>每秒训练的样本数：从慢动作（每秒 2 个或更少时逐个阶段显示）到每秒 5,000 个</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Train as fast as the computer can; click again to return to the slider&apos;s pace</source>
        <translation>以计算机能达到的最快速度训练；再点一次回到滑块的速度</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>停止于</translation>
    </message>
    <message>
        <source>Off: Play trains epoch after epoch until Pause. On: Play stops at the end of this many epochs</source>
        <translation>不勾选：“运行”一轮接一轮地训练，直到按“暂停”。勾选：“运行”在这么多轮结束时停止</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>速度</translation>
    </message>
    <message numerus="yes">
        <source> epoch(s)</source>
        <comment>after the number of &quot;Stop after&quot;</comment>
        <translation>
            <numerusform> 轮</numerusform>
        </translation>
    </message>
    <message>
        <source>measured: %1</source>
        <translation>实测：%1</translation>
    </message>
    <message>
        <source>sample %1, label %2</source>
        <translation>样本 %1，标签 %2</translation>
    </message>
    <message>
        <source>Epoch %1 finished: %2 of %2 samples</source>
        <translation>第 %1 轮已完成：%2 / %2 个样本</translation>
    </message>
    <message>
        <source>Epoch %1, %2 of %3 samples</source>
        <translation>第 %1 轮，%2 / %3 个样本</translation>
    </message>
    <message>
        <source>nothing trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) seen, running error %1</source>
        <translation>
            <numerusform>已训练 %n 个样本，滑动误差 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bps::DatasetLoader</name>
    <message>
        <source>MNIST CSV (*.csv *.csv.gz);;MNIST IDX (*-ubyte *-ubyte.gz *.idx3 *.idx3.gz);;All files (*)</source>
        <translation>MNIST CSV (*.csv *.csv.gz);;MNIST IDX (*-ubyte *-ubyte.gz *.idx3 *.idx3.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1: cannot be opened</source>
        <translation>%1：无法打开</translation>
    </message>
    <message>
        <source>%1: the file holds no samples</source>
        <translation>%1：文件里没有样本</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>正在载入</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在载入 %1…</translation>
    </message>
    <message>
        <source>Cannot open the training set</source>
        <translation>无法打开训练集</translation>
    </message>
    <message>
        <source>Cannot open the test set</source>
        <translation>无法打开测试集</translation>
    </message>
    <message>
        <source>Open training set</source>
        <translation>打开训练集</translation>
    </message>
    <message>
        <source>Open test set</source>
        <translation>打开测试集</translation>
    </message>
    <message>
        <source>Test set not used</source>
        <translation>未使用测试集</translation>
    </message>
    <message>
        <source>The test set %1 has %2 values per sample, the training set %3 has %4, so the network cannot be tested on it. Load a test set of the same kind as the training set.</source>
        <translation>测试集 %1 每个样本有 %2 个值，训练集 %3 每个样本有 %4 个值，因此无法用它测试网络。请加载与训练集同类的测试集。</translation>
    </message>
</context>
<context>
    <name>bps::DescentPlot</name>
    <message>
        <source>y = |x − %1|</source>
        <translation>y = |x − %1|</translation>
    </message>
    <message>
        <source>y = (x − %1)²</source>
        <translation>y = (x − %1)²</translation>
    </message>
    <message>
        <source>x (the weight)</source>
        <translation>x（权重）</translation>
    </message>
</context>
<context>
    <name>bps::DivergenceDialog</name>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>The numbers in the network grew too large to compute (they became infinite or not a number), so training was paused. This usually means the learning rate is too high for this network.</source>
        <translation>网络中的数值变得太大，无法再计算（成了无穷大或非数字），所以训练已暂停。这通常说明学习率对这个网络来说太高了。</translation>
    </message>
    <message>
        <source>Reset starts again from new random weights; then try a smaller learning rate.</source>
        <translation>“重置”会从新的随机权重重新开始；然后请试试更小的学习率。</translation>
    </message>
    <message>
        <source>&amp;Reset the network</source>
        <translation>重置网络(&amp;R)</translation>
    </message>
</context>
<context>
    <name>bps::DrawDigitLesson</name>
    <message>
        <source>Start again on a blank sheet</source>
        <translation>在一张白纸上重新开始</translation>
    </message>
    <message>
        <source>Put a photo or scan of a handwritten digit on the canvas</source>
        <translation>把手写数字的照片或扫描图放到画布上</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Draw your own digit&lt;/h3&gt;&lt;p&gt;Draw a digit with the mouse (or open a photo or scan of one). Before the network sees it, it is prepared exactly the way the MNIST pictures were: &lt;b&gt;1&lt;/b&gt; colours inverted so ink is bright, &lt;b&gt;2&lt;/b&gt; cropped to the ink, &lt;b&gt;3&lt;/b&gt; shrunk to fit a 20×20 box keeping its shape, &lt;b&gt;4&lt;/b&gt; placed in a 28×28 square so its centre of mass sits in the middle, &lt;b&gt;5&lt;/b&gt; scaled to 0.01–1.00.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; a thin 1, a 7 with a bar, a tiny digit in a corner, a digit drawn very big. Watch the bars move while you draw.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notice:&lt;/b&gt; thanks to steps 2–4 the size and place of your drawing barely matter. Digits written unlike the American writers of MNIST (a 1 with a long nose, a crossed 7) are harder for the network.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;自己写一个数字&lt;/h3&gt;&lt;p&gt;用鼠标写一个数字（或者打开一张数字的照片或扫描图）。在网络看到它之前，它会按照当年制作 MNIST 图片的方法处理：&lt;b&gt;1&lt;/b&gt; 反转颜色，让墨迹变亮；&lt;b&gt;2&lt;/b&gt; 裁剪到只剩墨迹；&lt;b&gt;3&lt;/b&gt; 保持形状缩小到 20×20 的框内；&lt;b&gt;4&lt;/b&gt; 放进 28×28 的方格，使它的质心位于正中；&lt;b&gt;5&lt;/b&gt; 缩放到 0.01–1.00。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;细细的 1、带横杠的 7、缩在角落里的小数字、写得特别大的数字。一边写一边看输出条的变化。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意：&lt;/b&gt;有了第 2–4 步，你写的大小和位置几乎没有影响。和 MNIST 的美国书写者写法不同的数字（比如带长钩的 1、中间加一横的 7）对网络来说更难认。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Open picture…</source>
        <translation>打开图片…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Draw here&lt;/b&gt;</source>
        <translation>&lt;b&gt;在这里写&lt;/b&gt;</translation>
    </message>
    <message>
        <source>2 cropped</source>
        <translation>2 裁剪</translation>
    </message>
    <message>
        <source>3 fitted 20×20</source>
        <translation>3 缩放到 20×20</translation>
    </message>
    <message>
        <source>&lt;b&gt;Prepared like MNIST&lt;/b&gt;</source>
        <translation>&lt;b&gt;按 MNIST 的方法处理后&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The network&apos;s ten outputs&lt;/b&gt;</source>
        <translation>&lt;b&gt;网络的十个输出&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Network: the studio&apos;s %1 after %2 samples.</source>
        <translation>网络：主窗口的 %1，已训练 %2 个样本。</translation>
    </message>
    <message>
        <source>The studio&apos;s network (%1) does not read 28×28 digits.</source>
        <translation>主窗口的网络（%1）不能读取 28×28 的数字。</translation>
    </message>
    <message>
        <source>No network yet: train one in the studio first.</source>
        <translation>还没有网络：请先在主窗口中训练一个。</translation>
    </message>
    <message>
        <source>Draw a digit…</source>
        <translation>写一个数字…</translation>
    </message>
    <message>
        <source>The network says: %1</source>
        <translation>网络认为是：%1</translation>
    </message>
    <message>
        <source>2 cropped %1×%2</source>
        <translation>2 裁剪为 %1×%2</translation>
    </message>
    <message>
        <source>3 fitted %1×%2 in 20×20</source>
        <translation>3 缩放为 %1×%2，放入 20×20</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Open a picture of a handwritten digit</source>
        <translation>打开一张手写数字的图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open picture</source>
        <translation>无法打开图片</translation>
    </message>
    <message>
        <source>%1 is not a picture this program can read.</source>
        <translation>%1 不是本程序能读取的图片。</translation>
    </message>
    <message>
        <source>Draw your own digit</source>
        <translation>自己写一个数字</translation>
    </message>
    <message>
        <source>1 inverted: ink bright, its box</source>
        <translation>1 反色：墨迹变亮，框出墨迹</translation>
    </message>
    <message>
        <source>4 centred 28×28
5 scaled to 0.01 … 1.00</source>
        <translation>4 居中于 28×28
5 缩放到 0.01 … 1.00</translation>
    </message>
    <message>
        <source>4 centred, mass at (%1, %2)
5 scaled to 0.01 … 1.00</source>
        <translation>4 居中，质心在 (%1, %2)
5 缩放到 0.01 … 1.00</translation>
    </message>
    <message>
        <source>The ten outputs of the studio&apos;s network appear here once it has a network that reads 28×28 digits.</source>
        <translation>主窗口有了能读 28×28 数字的网络后，它的十个输出会显示在这里。</translation>
    </message>
    <message>
        <source>Draw on the paper: one bar per digit 0–9 shows how sure the network is, and follows the pen.</source>
        <translation>在纸上写：每个数字 0–9 一根条，显示网络有多确定，并跟着笔迹变化。</translation>
    </message>
</context>
<context>
    <name>bps::ErrorChoiceLesson</name>
    <message>
        <source>sum</source>
        <translation>总和</translation>
    </message>
    <message>
        <source>Step %1: x = %2, y = %3, slope dy/dx = %4</source>
        <translation>第 %1 步：x = %2，y = %3，斜率 dy/dx = %4</translation>
    </message>
    <message>
        <source>last step = −α · slope = −%1 · %2 = %3</source>
        <translation>上一步 = −α · 斜率 = −%1 · %2 = %3</translation>
    </message>
    <message>
        <source>next step = −α · slope = −%1 · %2 = %3</source>
        <translation>下一步 = −α · 斜率 = −%1 · %2 = %3</translation>
    </message>
    <message>
        <source>Press Step or Play to roll the ball.</source>
        <translation>按“单步”或“运行”让小球滚动。</translation>
    </message>
    <message>
        <source>It landed exactly on the bottom — only because %1 steps of %2 happen to add up to the distance.</source>
        <translation>它正好落在谷底——只是因为 %1 步、每步 %2，恰好加起来等于这段距离。</translation>
    </message>
    <message>
        <source>Walking down: the slope is always ±1, so every step is α = %1 long.</source>
        <translation>正在下坡：斜率始终是 ±1，所以每一步都是 α = %1 那么长。</translation>
    </message>
    <message>
        <source>Bouncing across the bottom for ever: the slope is ±1 right up to the minimum, so the step never shrinks below α = %1.</source>
        <translation>在谷底两侧来回跳，永不停止：直到最低点斜率都是 ±1，所以步长永远不会小于 α = %1。</translation>
    </message>
    <message>
        <source>Converging from both sides (α &gt; 0.5 overshoots a little): each step multiplies the distance to the bottom by |1 − 2α| = %1.</source>
        <translation>从两侧收敛（α &gt; 0.5 会稍微越过谷底）：每一步都把到谷底的距离乘以 |1 − 2α| = %1。</translation>
    </message>
    <message>
        <source>Converging: the slope 2(x − 5) shrinks near the bottom, and so does the step — each multiplies the distance by |1 − 2α| = %1.</source>
        <translation>正在收敛：斜率 2(x − 5) 在谷底附近变小，步长也随之变小——每一步都把距离乘以 |1 − 2α| = %1。</translation>
    </message>
    <message>
        <source>Bouncing between two points: at α = 1, |1 − 2α| = 1 and the distance never shrinks.</source>
        <translation>在两点之间来回跳：α = 1 时 |1 − 2α| = 1，距离永远不会缩小。</translation>
    </message>
    <message>
        <source>Diverging: α &gt; 1 overshoots so far that the ball lands higher on the other side; each step multiplies the distance by |1 − 2α| = %1 &gt; 1.</source>
        <translation>发散：α &gt; 1 越过谷底太远，小球落在另一侧更高的地方；每一步都把距离乘以 |1 − 2α| = %1 &gt; 1。</translation>
    </message>
    <message>
        <source>Walking down.</source>
        <translation>正在下坡。</translation>
    </message>
    <message>
        <source>α = %1</source>
        <translation>α = %1</translation>
    </message>
    <message>
        <source>Three candidate errors</source>
        <translation>三种候选误差</translation>
    </message>
    <message>
        <source>Gradient descent: a ball rolling down each error</source>
        <translation>梯度下降：小球沿每种误差滚下</translation>
    </message>
    <message>
        <source>output o</source>
        <translation>输出 o</translation>
    </message>
    <message>
        <source>target t</source>
        <translation>目标 t</translation>
    </message>
    <message>
        <source>t − o</source>
        <translation>t − o</translation>
    </message>
    <message>
        <source>|t − o|</source>
        <translation>|t − o|</translation>
    </message>
    <message>
        <source>(t − o)²</source>
        <translation>(t − o)²</translation>
    </message>
    <message>
        <source>Both outputs are wrong, yet Σ(t − o) = %1: the errors cancel. |t − o| and (t − o)² cannot cancel (sums %2 and %3).</source>
        <translation>两个输出都错了，可是 Σ(t − o) = %1：误差互相抵消了。|t − o| 和 (t − o)² 不会抵消（总和为 %2 和 %3）。</translation>
    </message>
    <message>
        <source>The learning rate α: how far each step goes along −slope</source>
        <translation>学习率 α：每一步沿着负斜率方向走多远</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One step of gradient descent on both curves: x ← x − α·dy/dx</source>
        <translation>在两条曲线上各做一步梯度下降：x ← x − α·dy/dx</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Step on both curves until you pause (at most %1 steps)</source>
        <translation>在两条曲线上一步步走，直到你按暂停（最多 %1 步）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Both balls back to x = %1</source>
        <translation>两个小球都回到 x = %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Which error should the network follow?&lt;/b&gt; Adding up t − o fails: a too-high and a too-low output cancel. |t − o| cannot cancel, but its V has the same slope ±1 everywhere — the step never gets smaller near the answer. (t − o)² has a slope that shrinks as the error does, so the steps shrink and the ball settles: that is why the book uses the squared error.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; press Play at α = 0.3, then move α above 0.5 and above 1. &lt;b&gt;Notice:&lt;/b&gt; on the parabola a too-large α overshoots the bottom; above 1 each overshoot is larger than the last and the ball flies off.</source>
        <translation>&lt;b&gt;网络应该跟着哪种误差走？&lt;/b&gt;把 t − o 加起来行不通：一个偏高、一个偏低的输出会互相抵消。|t − o| 不会抵消，但它的 V 形处处斜率都是 ±1——接近答案时步长也不会变小。(t − o)² 的斜率随误差一起变小，所以步长变小，小球停得下来：这就是书中使用平方误差的原因。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;在 α = 0.3 时按“运行”，再把 α 调到 0.5 以上和 1 以上。&lt;b&gt;注意：&lt;/b&gt;在抛物线上，α 太大会越过谷底；大于 1 时每次越过得比上一次更远，小球就飞出去了。</translation>
    </message>
    <message>
        <source>Which error to use</source>
        <translation>用哪种误差</translation>
    </message>
</context>
<context>
    <name>bps::ErrorPlot</name>
    <message>
        <source>α %1</source>
        <translation>α %1</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已训练样本数</translation>
    </message>
    <message>
        <source>running error</source>
        <translation>滑动误差</translation>
    </message>
    <message>
        <source>test accuracy %</source>
        <translation>测试准确率 %</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Clear earlier runs</source>
        <translation>清除以前的曲线</translation>
    </message>
    <message>
        <source>Remove the faded curves of earlier runs</source>
        <translation>移除以前训练留下的淡色曲线</translation>
    </message>
    <message>
        <source>Running error Σ(T−O)², mean of the last %1 samples; test accuracy after each epoch</source>
        <translation>滑动误差 Σ(T−O)²，取最近 %1 个样本的平均值；每轮结束后测量测试准确率</translation>
    </message>
    <message>
        <source>test accuracy (%1 % after epoch %2)</source>
        <translation>测试准确率（第 %2 轮后 %1 %）</translation>
    </message>
    <message>
        <source>learning rate α %1 from sample %2</source>
        <translation>从第 %2 个样本起学习率 α %1</translation>
    </message>
    <message>
        <source>test accuracy after epoch %1: %2</source>
        <translation>第 %1 轮后的测试准确率：%2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Whole run</source>
        <translation>显示全程</translation>
    </message>
    <message>
        <source>The chart follows the training and shows its recent part; click to see the whole run</source>
        <translation>图表跟随训练，只显示最近的一段；点击查看整个训练过程</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随训练</translation>
    </message>
    <message>
        <source>The chart shows the whole run; click to follow the training again</source>
        <translation>图表显示整个训练过程；点击重新跟随训练</translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation>第 %1 次运行：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n change(s))</source>
        <translation>
            <numerusform>%1（共改变 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>running error, run %1: %2</source>
        <translation>滑动误差，第 %1 次运行：%2</translation>
    </message>
</context>
<context>
    <name>bps::ErrorSurfaceLesson</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Step %1: a = %2, b = %3, E = %4
slope (∂E/∂a, ∂E/∂b) with the 2 dropped = (%5, %6)</source>
        <translation>第 %1 步：a = %2，b = %3，E = %4
斜率 (∂E/∂a, ∂E/∂b)（去掉 2）= (%5, %6)</translation>
    </message>
    <message>
        <source>E went from %1 to %2</source>
        <translation>E 从 %1 变为 %2</translation>
    </message>
    <message>
        <source>Stopped: the step flew off the surface (α too large).</source>
        <translation>已停止：这一步飞出了曲面（α 太大）。</translation>
    </message>
    <message>
        <source>This is a slice. The network has %1 weights, so its real error surface has %1 dimensions; here all but two are held where they are. Gradient descent moves only these two, downhill across the contour lines.</source>
        <translation>这只是一个切片。网络有 %1 个权重，所以它真正的误差曲面有 %1 维；这里除了两个权重以外，其余都固定不动。梯度下降只移动这两个权重，穿过等高线向下走。</translation>
    </message>
    <message>
        <source>Two weights</source>
        <translation>两个权重</translation>
    </message>
    <message>
        <source>Gradient descent on the slice</source>
        <translation>在切片上做梯度下降</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>the book&apos;s 3-3-3, one sample</source>
        <translation>书中的 3-3-3，一个样本</translation>
    </message>
    <message>
        <source>the studio&apos;s network, its current sample</source>
        <translation>主窗口的网络，它当前的样本</translation>
    </message>
    <message>
        <source>the studio&apos;s network (step a sample first)</source>
        <translation>主窗口的网络（请先单步训练一个样本）</translation>
    </message>
    <message>
        <source>a (across):</source>
        <translation>a（横轴）：</translation>
    </message>
    <message>
        <source>b (up):</source>
        <translation>b（纵轴）：</translation>
    </message>
    <message>
        <source>Learning rate α:</source>
        <translation>学习率 α：</translation>
    </message>
    <message>
        <source>Range ±:</source>
        <translation>范围 ±：</translation>
    </message>
    <message>
        <source>The map shows each weight&apos;s own value ± this much</source>
        <translation>图中显示每个权重自身的值 ± 这么多</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One step downhill: (a, b) ← (a, b) − α · slope</source>
        <translation>向下走一步：(a, b) ← (a, b) − α · 斜率</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Step downhill until you pause (at most %1 steps)</source>
        <translation>一步步向下走，直到你按暂停（最多 %1 步）</translation>
    </message>
    <message>
        <source>How far each step goes against the slope</source>
        <translation>每一步逆着斜率走多远</translation>
    </message>
    <message>
        <source>Whose error surface: the book&apos;s small network on its sample, or the studio&apos;s network on its current sample (taken when chosen)</source>
        <translation>谁的误差曲面：书中的小网络及其样本，或主窗口的网络及其当前样本（在选择时取用）</translation>
    </message>
    <message>
        <source>Back to the network&apos;s own weights (the black dot)</source>
        <translation>回到网络自己的权重（黑点）</translation>
    </message>
    <message>
        <source>&lt;b&gt;The error surface.&lt;/b&gt; Each point of the map is the error E the network would make on the sample if these two weights had those values. Learning is walking downhill on it: each step goes against the slope, as far as α says.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; press Play, then a larger α, then pick a weight of the other layer. &lt;b&gt;Notice:&lt;/b&gt; the path crosses the contour lines at right angles; with a large α it overshoots and zig-zags.</source>
        <translation>&lt;b&gt;误差曲面。&lt;/b&gt;图上每一点是：如果这两个权重取那两个值，网络在这个样本上的误差 E。学习就是在这个曲面上往下走：每一步都逆着斜率走，走多远由 α 决定。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;按“运行”，再试更大的 α，再选另一层的一个权重。&lt;b&gt;注意：&lt;/b&gt;路径与等高线垂直相交；α 很大时会越过谷底，走成之字形。</translation>
    </message>
    <message>
        <source>The error surface</source>
        <translation>误差曲面</translation>
    </message>
</context>
<context>
    <name>bps::EvaluationLesson</name>
    <message>
        <source>Run the studio&apos;s current network on every test picture</source>
        <translation>用主窗口当前的网络识别每一张测试图片</translation>
    </message>
    <message>
        <source>The gallery shows every wrongly labelled test picture again</source>
        <translation>图库重新显示所有被认错的测试图片</translation>
    </message>
    <message>
        <source>&lt;h3&gt;How good is it, really?&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;test set&lt;/b&gt; holds pictures the network never trained on. Its accuracy is the honest score: the share it labels right. The &lt;b&gt;confusion matrix&lt;/b&gt; shows where the rest go: row = the true digit, column = the network&apos;s answer, so the diagonal holds the right answers and every other cell a kind of mistake.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; click a cell (say true 4, answer 9) to see those pictures. Train more, then press Evaluate again.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notice:&lt;/b&gt; the mistakes are not random: 4↔9, 3↔5, 7↔2 are common, and some test pictures are hard even for people. The number under each picture is the output of the wrong answer — a confident mistake is close to 1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;它到底有多好？&lt;/h3&gt;&lt;p&gt;&lt;b&gt;测试集&lt;/b&gt;里的图片网络从来没有训练过。它在测试集上的准确率才是实打实的成绩：认对的比例。&lt;b&gt;混淆矩阵&lt;/b&gt;显示其余的图片被认成了什么：行 = 真实的数字，列 = 网络的回答，所以对角线上是答对的，其余每个格子都是一种错误。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;点击一个格子（比如真实为 4、回答为 9），看看是哪些图片。多训练一会儿，再按一次“立即评估”。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意：&lt;/b&gt;错误并不是随机的：4↔9、3↔5、7↔2 很常见，有些测试图片连人都难以辨认。每张图下面的数字是那个错误答案的输出值——信心十足的错误会接近 1。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Evaluate now</source>
        <translation>立即评估</translation>
    </message>
    <message>
        <source>Show all mistakes</source>
        <translation>显示所有错误</translation>
    </message>
    <message>
        <source>— %</source>
        <translation>— %</translation>
    </message>
    <message>
        <source>No network yet: train one in the studio, then evaluate it here.</source>
        <translation>还没有网络：先在主窗口中训练一个，再到这里评估。</translation>
    </message>
    <message>
        <source>A network is ready: press Evaluate.</source>
        <translation>网络已就绪：请按“立即评估”。</translation>
    </message>
    <message>
        <source>Evaluating %1 on %2…</source>
        <translation>正在用%2评估 %1…</translation>
    </message>
    <message>
        <source>the embedded 1,000 MNIST test samples</source>
        <translation>内置的 1,000 个 MNIST 测试样本</translation>
    </message>
    <message>
        <source>Could not evaluate: %1</source>
        <translation>无法评估：%1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2 test pictures right (%3), network %4 after %5 training samples.</source>
        <translation>%2 张测试图片中认对 %1 张（%3），网络 %4，已训练 %5 个样本。</translation>
    </message>
    <message>
        <source>&lt;b&gt;All %1 mistakes&lt;/b&gt;, the most confident first</source>
        <translation>&lt;b&gt;全部 %1 个错误&lt;/b&gt;，信心最高的排在前面</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 pictures&lt;/b&gt; labelled %2, answered %3</source>
        <translation>&lt;b&gt;%1 张图片&lt;/b&gt;标签为 %2，回答为 %3</translation>
    </message>
    <message>
        <source>%1 → %2
%3</source>
        <translation>%1 → %2
%3</translation>
    </message>
    <message>
        <source>Test sample %1: label %2, the network answered %3 (output %4)</source>
        <translation>测试样本 %1：标签 %2，网络回答 %3（输出 %4）</translation>
    </message>
    <message>
        <source> — the first %1 shown</source>
        <translation>——只显示前 %1 个</translation>
    </message>
    <message>
        <source>Evaluation: accuracy and confusion</source>
        <translation>评估：准确率与混淆矩阵</translation>
    </message>
    <message>
        <source>the test set has %1 inputs per sample, the network %2</source>
        <translation>测试集每个样本有 %1 个输入，而网络有 %2 个</translation>
    </message>
</context>
<context>
    <name>bps::ExportActions</name>
    <message>
        <source>&amp;Network view as an image…</source>
        <translation>网络视图导出为图像(&amp;N)…</translation>
    </message>
    <message>
        <source>The network as drawn now, as PNG or SVG, at a size you choose</source>
        <translation>当前画出的网络，导出为 PNG 或 SVG，尺寸由你选择</translation>
    </message>
    <message>
        <source>&amp;Error chart as an image…</source>
        <translation>误差图表导出为图像(&amp;E)…</translation>
    </message>
    <message>
        <source>The error curve chart as PNG or SVG, at a size you choose</source>
        <translation>误差曲线图表，导出为 PNG 或 SVG，尺寸由你选择</translation>
    </message>
    <message>
        <source>Error &amp;data as CSV…</source>
        <translation>误差数据导出为 CSV(&amp;D)…</translation>
    </message>
    <message>
        <source>Every point of every curve: run, label, series, samples seen, value</source>
        <translation>每条曲线的每个点：训练编号、标签、序列、已训练样本数、数值</translation>
    </message>
    <message>
        <source>&amp;Weights as NumPy .npy…</source>
        <translation>权重导出为 NumPy .npy(&amp;W)…</translation>
    </message>
    <message>
        <source>One .npy file per weight matrix (wih.npy, who.npy …), as the book&apos;s Python code loads them</source>
        <translation>每个权重矩阵一个 .npy 文件（wih.npy、who.npy …），与书中的 Python 代码读取的方式相同</translation>
    </message>
    <message>
        <source>Weights as &amp;CSV…</source>
        <translation>权重导出为 &amp;CSV…</translation>
    </message>
    <message>
        <source>One CSV file per weight matrix (wih.csv, who.csv …): a line per neuron of the next layer</source>
        <translation>每个权重矩阵一个 CSV 文件（wih.csv、who.csv …）：下一层的每个神经元一行</translation>
    </message>
    <message>
        <source>Export the error chart</source>
        <translation>导出误差图表</translation>
    </message>
    <message>
        <source>Export the network view</source>
        <translation>导出网络视图</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Export the error data</source>
        <translation>导出误差数据</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Folder for the .npy weight files</source>
        <translation>存放 .npy 权重文件的文件夹</translation>
    </message>
    <message>
        <source>Folder for the CSV weight files</source>
        <translation>存放 CSV 权重文件的文件夹</translation>
    </message>
    <message>
        <source>Wrote %1 in %2</source>
        <translation>已将 %1 写入 %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Note&amp;book…</source>
        <translation>笔记本(&amp;B)…</translation>
    </message>
    <message>
        <source>A Jupyter notebook in the book&apos;s style: it loads these weights (.npy files beside it) and the run&apos;s data, tests the network and trains one more epoch</source>
        <translation>书中风格的 Jupyter 笔记本：它载入这些权重（旁边的 .npy 文件）和这次训练的数据，测试网络，并再训练一轮</translation>
    </message>
    <message>
        <source>&amp;ONNX model…</source>
        <translation>ONNX 模型(&amp;O)…</translation>
    </message>
    <message>
        <source>The network as a standard ONNX model for ONNX runtimes and Netron: raw pixel values in, scaled inside as the book scales them</source>
        <translation>把网络导出为标准 ONNX 模型，供 ONNX 运行时和 Netron 使用：输入原始像素值，在模型内部按书中的方式缩放</translation>
    </message>
    <message>
        <source>Export the network as a Jupyter notebook</source>
        <translation>把网络导出为 Jupyter 笔记本</translation>
    </message>
    <message>
        <source>Jupyter notebook (*.ipynb)</source>
        <translation>Jupyter 笔记本 (*.ipynb)</translation>
    </message>
    <message>
        <source>Export the network as an ONNX model</source>
        <translation>把网络导出为 ONNX 模型</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Writing %1 …</source>
        <translation>正在写入 %1 …</translation>
    </message>
    <message>
        <source>Wrote the notebook %1, its weights in %2</source>
        <translation>已写入笔记本 %1，权重在 %2</translation>
    </message>
    <message>
        <source>Wrote the ONNX model %1</source>
        <translation>已写入 ONNX 模型 %1</translation>
    </message>
    <message>
        <source>(the network at sample %L1 of the timeline)</source>
        <translation>（时间轴上第 %L1 个样本时的网络）</translation>
    </message>
</context>
<context>
    <name>bps::ExportDialog</name>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing (scalable)</source>
        <translation>SVG 矢量图（可缩放）</translation>
    </message>
    <message>
        <source>PNG: pixels, for slides and documents. SVG: lines and text that stay sharp at any size.</source>
        <translation>PNG：像素图，适合幻灯片和文档。SVG：线条和文字，放大到任何尺寸都清晰。</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Width of the picture in pixels</source>
        <translation>图片宽度（像素）</translation>
    </message>
    <message>
        <source>Height of the picture in pixels</source>
        <translation>图片高度（像素）</translation>
    </message>
    <message>
        <source>Common sizes</source>
        <translation>常用尺寸</translation>
    </message>
    <message>
        <source>Preset…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>The file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the file in a dialog</source>
        <translation>在对话框中选择文件</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>尺寸(&amp;S)：</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>bps::HelpActions</name>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>The user guide: getting started, the lessons, your own data</source>
        <translation>用户指南：入门、课程、使用自己的数据</translation>
    </message>
    <message>
        <source>&amp;About Backprop Studio</source>
        <translation>关于 Backprop Studio(&amp;A)</translation>
    </message>
</context>
<context>
    <name>bps::HelpWindow</name>
    <message>
        <source>Backprop Studio Help</source>
        <translation>Backprop Studio 帮助</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 后退</translation>
    </message>
    <message>
        <source>The page shown before</source>
        <translation>上一个显示的页面</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>前进 ▶</translation>
    </message>
    <message>
        <source>The page shown after</source>
        <translation>下一个显示的页面</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>The start of the user guide</source>
        <translation>用户指南的开头</translation>
    </message>
    <message>
        <source>Show the guide in the other language</source>
        <translation>用另一种语言显示指南</translation>
    </message>
    <message>
        <source>About Backprop Studio</source>
        <translation>关于 Backprop Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Backprop Studio %1&lt;/h3&gt;&lt;p&gt;See a neural network learn, the way Tariq Rashid&apos;s &lt;i&gt;Make Your Own Neural Network&lt;/i&gt; teaches it.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later (GPLv3+): you may share and change it. It comes with no warranty.&lt;/p&gt;&lt;p&gt;Built with:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2 (built with %3) — GNU Lesser General Public License v3 (LGPLv3); Qt Charts — GNU General Public License v3 (GPLv3), &lt;a href=&quot;https://www.qt.io/licensing/&quot;&gt;qt.io/licensing&lt;/a&gt;&lt;/li&gt;&lt;li&gt;Eigen %4.%5.%6 — Mozilla Public License 2.0 (MPL2), &lt;a href=&quot;https://eigen.tuxfamily.org&quot;&gt;eigen.tuxfamily.org&lt;/a&gt;&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The MNIST data (Yann LeCun, Corinna Cortes, Christopher Burges) in the CSV form of the book.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Backprop Studio %1&lt;/h3&gt;&lt;p&gt;看着神经网络学习，正如 Tariq Rashid 的《&lt;i&gt;Make Your Own Neural Network&lt;/i&gt;》（中文版《自己动手用Python编写神经网络》）所讲的那样。&lt;/p&gt;&lt;p&gt;本程序是自由软件，采用 GNU 通用公共许可证第 3 版或更高版本（GPLv3+）：你可以分享和修改它。本程序不提供任何担保。&lt;/p&gt;&lt;p&gt;构建所用：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %2（构建时版本 %3）——GNU 宽通用公共许可证第 3 版（LGPLv3）；Qt Charts——GNU 通用公共许可证第 3 版（GPLv3），&lt;a href=&quot;https://www.qt.io/licensing/&quot;&gt;qt.io/licensing&lt;/a&gt;&lt;/li&gt;&lt;li&gt;Eigen %4.%5.%6——Mozilla 公共许可证 2.0（MPL2），&lt;a href=&quot;https://eigen.tuxfamily.org&quot;&gt;eigen.tuxfamily.org&lt;/a&gt;&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;MNIST 数据（Yann LeCun、Corinna Cortes、Christopher Burges），采用书中的 CSV 格式。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>bps::HostClassDialog</name>
    <message>
        <source>Host a class</source>
        <translation>主持课堂</translation>
    </message>
    <message>
        <source>The studio listens on the room&apos;s network until you stop hosting. Students join with this computer&apos;s address and the code.</source>
        <translation>在你停止主持之前，Studio 会在教室网络上监听。学生用本机地址和加入码加入。</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Join &amp;code:</source>
        <translation>加入码(&amp;C)：</translation>
    </message>
    <message>
        <source>%1 to %2 letters or digits; not case-sensitive</source>
        <translation>%1 到 %2 个字母或数字；不区分大小写</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>主持(&amp;H)</translation>
    </message>
</context>
<context>
    <name>bps::JoinClassDialog</name>
    <message>
        <source>Join a class</source>
        <translation>加入课堂</translation>
    </message>
    <message>
        <source>Your studio sends your run (network, learning rate, error curve, test accuracy) to the teacher&apos;s screen. You keep working if the teacher&apos;s studio goes away.</source>
        <translation>你的 Studio 会把你的训练（网络、学习率、误差曲线、测试准确率）发送到教师的屏幕上。教师的 Studio 离开时，你可以照常学习。</translation>
    </message>
    <message>
        <source>Teacher&apos;s &amp;address:</source>
        <translation>教师地址(&amp;A)：</translation>
    </message>
    <message>
        <source>as on the teacher&apos;s screen, e.g. 192.168.1.20:5710</source>
        <translation>与教师屏幕上显示的一致，例如 192.168.1.20:5710</translation>
    </message>
    <message>
        <source>Join &amp;code:</source>
        <translation>加入码(&amp;C)：</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>你的名字(&amp;N)：</translation>
    </message>
    <message>
        <source>as the class will see it</source>
        <translation>全班看到的名字</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>加入(&amp;J)</translation>
    </message>
    <message>
        <source>The address is the teacher&apos;s computer and port, e.g. 192.168.1.20:5710.</source>
        <translation>地址是教师的电脑和端口，例如 192.168.1.20:5710。</translation>
    </message>
    <message>
        <source>The join code is %1 to %2 letters or digits.</source>
        <translation>加入码是 %1 到 %2 个字母或数字。</translation>
    </message>
    <message>
        <source>A name is 1 to %1 letters, digits, spaces or - _ . &apos;</source>
        <translation>名字是 1 到 %1 个字母、数字、空格或 - _ . &apos;</translation>
    </message>
</context>
<context>
    <name>bps::Language</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
</context>
<context>
    <name>bps::LessonsWindow</name>
    <message>
        <source>Backprop Studio — Lessons</source>
        <translation>Backprop Studio — 课程</translation>
    </message>
    <message>
        <source>Export picture…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Save this lesson&apos;s picture (its chart, plot or network) as PNG or SVG, at a size you choose, for slides and worksheets</source>
        <translation>把本课的图片（图表、坐标图或网络）按你选择的尺寸保存为 PNG 或 SVG，用于幻灯片和练习单</translation>
    </message>
    <message>
        <source>This lesson has no picture to export.</source>
        <translation>本课没有可导出的图片。</translation>
    </message>
    <message>
        <source>Export the lesson&apos;s picture</source>
        <translation>导出本课的图片</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose a lesson (the list at the side, when the window is narrow)</source>
        <translation>选择一课（窗口较窄时代替侧边的课程列表）</translation>
    </message>
</context>
<context>
    <name>bps::LinearClassifierLesson</name>
    <message>
        <source>Train on the next bug ▶</source>
        <translation>用下一只虫子训练 ▶</translation>
    </message>
    <message>
        <source>One pass over all bugs ▶▶</source>
        <translation>所有虫子过一遍 ▶▶</translation>
    </message>
    <message>
        <source>Start again (k = 0.25) ⟲</source>
        <translation>重新开始（k = 0.25）⟲</translation>
    </message>
    <message>
        <source>The book&apos;s two bugs</source>
        <translation>书中的两只虫子</translation>
    </message>
    <message>
        <source>Remove all bugs</source>
        <translation>移除所有虫子</translation>
    </message>
    <message>
        <source>Moderate each update with a learning rate α</source>
        <translation>用学习率 α 调节每次更新</translation>
    </message>
    <message>
        <source>ladybird</source>
        <translation>瓢虫</translation>
    </message>
    <message>
        <source>caterpillar</source>
        <translation>毛毛虫</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>intercept b in y = kx + b</source>
        <translation>y = kx + b 中的截距 b</translation>
    </message>
    <message>
        <source>Bugs</source>
        <translation>虫子</translation>
    </message>
    <message>
        <source>A click adds a</source>
        <translation>点击添加一只</translation>
    </message>
    <message>
        <source>bug</source>
        <translation>虫子</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>target t</source>
        <translation>目标 t</translation>
    </message>
    <message>
        <source>y = kx + b</source>
        <translation>y = kx + b</translation>
    </message>
    <message>
        <source>E = t − y</source>
        <translation>E = t − y</translation>
    </message>
    <message>
        <source>Δk = α·E/x</source>
        <translation>Δk = α·E/x</translation>
    </message>
    <message>
        <source>new k</source>
        <translation>新的 k</translation>
    </message>
    <message>
        <source>&lt;b&gt;The simplest learner: a line.&lt;/b&gt; Ladybirds are wide and short, caterpillars narrow and long. The line y = k·x should keep ladybirds below it and caterpillars above. For each bug the target t is just past the bug (its length ± 0.1); the error is E = t − y and the slope moves by Δk = α·E/x.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; train on the book&apos;s two bugs with α = 0.5, then untick &lt;i&gt;Moderate&lt;/i&gt; and start again. &lt;b&gt;Notice:&lt;/b&gt; without moderation each step makes the line fit the last bug exactly and forget the one before (k = 2.9 after two bugs); with α = 0.5 the line ends between them. Click to add bugs; ringed bugs are on the wrong side.</source>
        <translation>&lt;b&gt;最简单的学习者：一条直线。&lt;/b&gt;瓢虫又宽又短，毛毛虫又窄又长。直线 y = k·x 应该让瓢虫在它下方、毛毛虫在它上方。对每只虫子，目标值 t 就在虫子旁边一点点（它的长度 ± 0.1）；误差是 E = t − y，斜率按 Δk = α·E/x 移动。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;用 α = 0.5 在书中的两只虫子上训练，然后取消勾选&lt;i&gt;调节&lt;/i&gt;，再重新开始。&lt;b&gt;注意：&lt;/b&gt;不加调节时，每一步都让直线恰好拟合最后一只虫子，而忘掉前一只（两只虫子之后 k = 2.9）；用 α = 0.5 时，直线最后落在两者之间。点击可以添加虫子；带圆圈的虫子在错误的一侧。</translation>
    </message>
    <message>
        <source>ladybird %1</source>
        <translation>瓢虫 %1</translation>
    </message>
    <message>
        <source>caterpillar %1</source>
        <translation>毛毛虫 %1</translation>
    </message>
    <message>
        <source>k = %1   α = %2   right side: %3 of %4 bugs</source>
        <translation>k = %1   α = %2   在正确一侧：%4 只中的 %3 只</translation>
    </message>
    <message>
        <source>A linear classifier: bugs and a line</source>
        <translation>线性分类器：虫子和直线</translation>
    </message>
    <message>
        <source>Move the line by one step for the next bug: Δk = α·E/x. The table shows the sums</source>
        <translation>用下一只虫子把直线移动一步：Δk = α·E/x。表格中列出计算过程</translation>
    </message>
    <message>
        <source>Train on every bug once, in order</source>
        <translation>按顺序用每只虫子各训练一次</translation>
    </message>
    <message>
        <source>Put the slope back to the book&apos;s k = 0.25 and clear the table; the bugs stay</source>
        <translation>把斜率恢复为书中的 k = 0.25 并清空表格；虫子保留</translation>
    </message>
    <message>
        <source>Put back the book&apos;s two example bugs and start again</source>
        <translation>恢复书中的两只示例虫子，并重新开始</translation>
    </message>
    <message>
        <source>Start from an empty plot, then click to add your own bugs</source>
        <translation>从空白的图开始，然后点击添加你自己的虫子</translation>
    </message>
    <message>
        <source>Ticked, each step moves the line only a fraction α of the way. Unticked, the line fits the last bug exactly and forgets the one before</source>
        <translation>勾选时，每一步只把直线移动所需距离的 α 倍。不勾选时，直线会恰好贴合最后一只虫子，而忘掉前一只</translation>
    </message>
    <message>
        <source>The fraction of each correction that is applied, 0.01 … 1 (the book: 0.5); used from the next step</source>
        <translation>每次修正实际采用的比例，0.01 … 1（书中：0.5）；从下一步起生效</translation>
    </message>
    <message>
        <source>Where the line crosses the length axis (the book: 0). Training changes only the slope k</source>
        <translation>直线与长度轴的交点（书中：0）。训练只改变斜率 k</translation>
    </message>
    <message>
        <source>A click on the plot adds a ladybird (right-click: a caterpillar)</source>
        <translation>在图上点击添加一只瓢虫（右键：毛毛虫）</translation>
    </message>
    <message>
        <source>A click on the plot adds a caterpillar (right-click: a ladybird)</source>
        <translation>在图上点击添加一只毛毛虫（右键：瓢虫）</translation>
    </message>
</context>
<context>
    <name>bps::MainWindow</name>
    <message>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Error curve</source>
        <translation>误差曲线</translation>
    </message>
    <message>
        <source>Maths</source>
        <translation>数学</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;training set…</source>
        <translation>打开训练集(&amp;T)…</translation>
    </message>
    <message>
        <source>Load a training set: MNIST CSV (.csv, .csv.gz) or IDX files</source>
        <translation>载入训练集：MNIST CSV（.csv、.csv.gz）或 IDX 文件</translation>
    </message>
    <message>
        <source>Open t&amp;est set…</source>
        <translation>打开测试集(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Load a test set, measured after every epoch</source>
        <translation>载入测试集，每轮结束后用它测量</translation>
    </message>
    <message>
        <source>&amp;Recent files</source>
        <translation>最近的文件(&amp;R)</translation>
    </message>
    <message>
        <source>Open the &amp;built-in MNIST subset</source>
        <translation>打开内置的 MNIST 子集(&amp;B)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>运行(&amp;P)</translation>
    </message>
    <message>
        <source>Step p&amp;hase</source>
        <translation>下一阶段(&amp;H)</translation>
    </message>
    <message>
        <source>Step &amp;sample</source>
        <translation>训练一个样本(&amp;S)</translation>
    </message>
    <message>
        <source>Shift+Right</source>
        <translation>Shift+Right</translation>
    </message>
    <message>
        <source>Step &amp;epoch</source>
        <translation>训练一个轮次(&amp;E)</translation>
    </message>
    <message>
        <source>Ctrl+Right</source>
        <translation>Ctrl+Right</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Clear earlier curves</source>
        <translation>清除以前的曲线(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit network</source>
        <translation>适应窗口显示网络(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Backprop Studio — %1</source>
        <translation>Backprop Studio — %1</translation>
    </message>
    <message>
        <source>Backprop Studio — %1 — %2</source>
        <translation>Backprop Studio — %1 — %2</translation>
    </message>
    <message>
        <source>As training set</source>
        <translation>作为训练集</translation>
    </message>
    <message>
        <source>As test set</source>
        <translation>作为测试集</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>课堂(&amp;C)</translation>
    </message>
    <message>
        <source>Presentation &amp;size</source>
        <translation>演示大小(&amp;S)</translation>
    </message>
    <message>
        <source>Backprop Studio</source>
        <translation>Backprop Studio</translation>
    </message>
    <message>
        <source>Quit Backprop Studio</source>
        <translation>退出 Backprop Studio</translation>
    </message>
    <message numerus="yes">
        <source>The network has been trained on %n sample(s) and the training is not saved. Save the session before quitting?</source>
        <translation>
            <numerusform>网络已经训练了 %n 个样本，训练结果尚未保存。退出前保存会话吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>New training set</source>
        <translation>新的训练集</translation>
    </message>
    <message numerus="yes">
        <source>The network has been trained on %n sample(s). Go on training it on the new set, or start a new network from the seed?</source>
        <translation>
            <numerusform>网络已经在 %n 个样本上训练过。要在新的训练集上继续训练它，还是用种子新建一个网络？</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the trained network</source>
        <translation>保留已训练的网络</translation>
    </message>
    <message>
        <source>New network</source>
        <translation>新建网络</translation>
    </message>
    <message>
        <source>Pre&amp;dict before reveal</source>
        <translation>先预测，再揭晓(&amp;D)</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Predict before reveal: before a neuron&apos;s weight update is shown, mark whether each of its weights will grow or shrink</source>
        <translation>先预测，再揭晓：在神经元的权重更新显示之前，标出它的每个权重会变大还是变小</translation>
    </message>
    <message>
        <source>While stepping, mark whether each weight of a neuron will grow or shrink before its update is shown</source>
        <translation>单步执行时，在神经元的权重更新显示之前，标出它的每个权重会变大还是变小</translation>
    </message>
    <message numerus="yes">
        <source>Training set: %1 (%n sample(s)), from the lessons</source>
        <translation>
            <numerusform>训练集：%1（%n 个样本），来自课程</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Weight atlas</source>
        <translation>权重图集(&amp;W)</translation>
    </message>
    <message>
        <source>Every neuron&apos;s incoming weights as tiles, live, and what changed between two moments of the run</source>
        <translation>每个神经元的输入权重排成小图，训练时实时更新；还可比较运行中两个时刻之间的变化</translation>
    </message>
    <message>
        <source>Chec&amp;k my calculation</source>
        <translation>检查我的计算(&amp;K)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Check my calculation: work out E, a slope O(1 − O) or one ΔW of the step by hand and have it checked</source>
        <translation>检查我的计算：亲手算出这一步的 E、某个斜率 O(1 − O) 或一个 ΔW，让程序检查</translation>
    </message>
    <message>
        <source>While stepping, type a value you worked out by hand; the slip is named when it is wrong</source>
        <translation>单步执行时，输入你亲手算出的值；算错时会指出失误所在</translation>
    </message>
</context>
<context>
    <name>bps::MathsPanel</name>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>the other %1 terms</source>
        <translation>其余 %1 项</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>总和</translation>
    </message>
    <message>
        <source>The formulas of the current step appear here.</source>
        <translation>当前步骤的公式会显示在这里。</translation>
    </message>
    <message>
        <source>A new sample</source>
        <translation>一个新样本</translation>
    </message>
    <message>
        <source>The input I = O&lt;sub&gt;0&lt;/sub&gt; is set. Next: the signal moves forward.</source>
        <translation>输入 I = O&lt;sub&gt;0&lt;/sub&gt; 已设定。下一步：信号向前传播。</translation>
    </message>
    <message>
        <source>Forward: the signal reaches the %1 layer</source>
        <translation>前向传播：信号到达%1</translation>
    </message>
    <message>
        <source> (the last input is the constant 1 of the bias)</source>
        <translation>（最后一个输入是偏置的常数 1）</translation>
    </message>
    <message>
        <source>Neuron j = %1 of the %2 layer (click a neuron to choose another):</source>
        <translation>%2的神经元 j = %1（点击其他神经元可切换）：</translation>
    </message>
    <message>
        <source>The largest of its %1 terms w·o:</source>
        <translation>它的 %1 项 w·o 中最大的几项：</translation>
    </message>
    <message>
        <source>Output error</source>
        <translation>输出误差</translation>
    </message>
    <message>
        <source>Σ (T − O)² of this sample</source>
        <translation>本样本的 Σ (T − O)²</translation>
    </message>
    <message>
        <source>Back-propagation: the errors reach the %1 layer</source>
        <translation>反向传播：误差到达%1</translation>
    </message>
    <message>
        <source>The book&apos;s rule: each error is split back along the weights (Wᵀ, the weights before this step&apos;s update).</source>
        <translation>书中的规则：每个误差沿着权重分回去（Wᵀ，用的是本步更新之前的权重）。</translation>
    </message>
    <message>
        <source>Exact gradient: the error is scaled by the slope f′ before it is split back.</source>
        <translation>精确梯度：误差先乘以斜率 f′，再分回去。</translation>
    </message>
    <message>
        <source>Neuron j = %1 of the %2 layer:</source>
        <translation>%2的神经元 j = %1：</translation>
    </message>
    <message>
        <source>shapes: W%1ᵀ %2×%3 · E%4 %3×1 = E%1 %2×1</source>
        <translation>形状：W%1ᵀ %2×%3 · E%4 %3×1 = E%1 %2×1</translation>
    </message>
    <message>
        <source>Update: the weights %1 change</source>
        <translation>更新：权重 %1 发生变化</translation>
    </message>
    <message>
        <source>For example</source>
        <translation>例如</translation>
    </message>
    <message>
        <source>Its largest changes:</source>
        <translation>它变化最大的几项：</translation>
    </message>
    <message>
        <source>new w</source>
        <translation>新的 w</translation>
    </message>
    <message>
        <source>shapes: ΔW%1 %2×%3 = (%2×1) · (1×%3)</source>
        <translation>形状：ΔW%1 %2×%3 = (%2×1) · (1×%3)</translation>
    </message>
    <message>
        <source>Mini-batches of %1: Play adds the mean ΔW of %1 samples at once (ΔW = α/%1 · Σ …). Stepping shows and applies one sample&apos;s ΔW, as the book does.</source>
        <translation>小批量，每批 %1 个样本：播放时一次加上 %1 个样本的平均 ΔW（ΔW = α/%1 · Σ …）。单步执行则和书中一样，显示并应用单个样本的 ΔW。</translation>
    </message>
    <message>
        <source>Training at %1 — sample %2 through the weights of this moment</source>
        <translation>以%1训练中 —— 样本 %2 经过此刻的权重</translation>
    </message>
    <message>
        <source>Training at full speed — sample %1 through the weights of this moment</source>
        <translation>全速训练中 —— 样本 %1 经过此刻的权重</translation>
    </message>
    <message>
        <source>Sample %1, the next to be trained, through the current weights</source>
        <translation>样本 %1（下一个要训练的样本）经过当前的权重</translation>
    </message>
    <message>
        <source>Sample %1 through the weights as they were at sample %2 (the timeline)</source>
        <translation>样本 %1，经过第 %2 个样本时的权重（时间线）</translation>
    </message>
</context>
<context>
    <name>bps::NetworkRenderer</name>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>New sample: the input I is set; next, the signal moves forward</source>
        <translation>新样本：输入 I 已设定；下一步，信号向前传播</translation>
    </message>
    <message>
        <source>Forward: X%1 = W%2·O%2, O%1 = f(X%1) — the signal reaches the %3 layer</source>
        <translation>前向传播：X%1 = W%2·O%2，O%1 = f(X%1)——信号到达%3</translation>
    </message>
    <message>
        <source>Output error: E = T − O</source>
        <translation>输出误差：E = T − O</translation>
    </message>
    <message>
        <source>Back-propagation: E%1 = W%1ᵀ·E%2 — the errors reach the %3 layer</source>
        <translation>反向传播：E%1 = W%1ᵀ·E%2——误差到达%3</translation>
    </message>
    <message>
        <source>Update: W%1 += ΔW%1 = α·(E%2∘O%2∘(1−O%2))·O%1ᵀ</source>
        <translation>更新：W%1 += ΔW%1 = α·(E%2∘O%2∘(1−O%2))·O%1ᵀ</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>weights into %1 neuron %2 (±%3)</source>
        <translation>连到%1神经元 %2 的权重（±%3）</translation>
    </message>
    <message>
        <source>Click a %1 neuron to see its incoming weights as an image</source>
        <translation>点击一个%1神经元，把它的输入权重显示成图像</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>prediction %1</source>
        <translation>预测 %1</translation>
    </message>
    <message>
        <source>activation o</source>
        <translation>激活值 o</translation>
    </message>
    <message>
        <source>error e</source>
        <translation>误差 e</translation>
    </message>
    <message>
        <source>ΔW &gt; 0</source>
        <translation>ΔW &gt; 0</translation>
    </message>
    <message>
        <source>ΔW &lt; 0</source>
        <translation>ΔW &lt; 0</translation>
    </message>
    <message>
        <source>target T</source>
        <translation>目标 T</translation>
    </message>
    <message>
        <source>w &gt; 0</source>
        <translation>w &gt; 0</translation>
    </message>
    <message>
        <source>w &lt; 0</source>
        <translation>w &lt; 0</translation>
    </message>
    <message>
        <source>line width ∝ |w|</source>
        <translation>线宽 ∝ |w|</translation>
    </message>
    <message>
        <source>No network yet</source>
        <translation>还没有网络</translation>
    </message>
    <message>
        <source>input %1×%2</source>
        <translation>输入 %1×%2</translation>
    </message>
    <message>
        <source>%1 neuron %2 (layer %3)</source>
        <translation>%1神经元 %2（第 %3 层）</translation>
    </message>
    <message>
        <source>net input x = %1</source>
        <translation>净输入 x = %1</translation>
    </message>
    <message>
        <source>output o = %1</source>
        <translation>输出 o = %1</translation>
    </message>
    <message>
        <source>error e = %1</source>
        <translation>误差 e = %1</translation>
    </message>
    <message>
        <source>pixel (row %1, column %2): input = %3</source>
        <translation>像素（第 %1 行，第 %2 列）：输入 = %3</translation>
    </message>
    <message>
        <source>weight from pixel (row %1, column %2) into %3 neuron %4: w = %5</source>
        <translation>从像素（第 %1 行，第 %2 列）连到%3神经元 %4 的权重：w = %5</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>weight W%1[%2, %3] from %4 neuron %3 to %5 neuron %2: w = %6</source>
        <translation>权重 W%1[%2, %3]，从%4神经元 %3 连到%5神经元 %2：w = %6</translation>
    </message>
    <message>
        <source>last change ΔW = %1</source>
        <translation>上次变化 ΔW = %1</translation>
    </message>
    <message>
        <source>opacity ∝ |w|; the %1 strongest inputs of each neuron</source>
        <translation>不透明度 ∝ |w|；每个神经元画出最强的 %1 个输入</translation>
    </message>
    <message numerus="yes">
        <source>saturated hidden: slope &lt; 0.01 (%n neuron(s))</source>
        <translation>
            <numerusform>饱和的隐藏神经元：斜率 &lt; 0.01（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>saturated: slope f′ = %1 &lt; 0.01, so its weights hardly change</source>
        <translation>饱和：斜率 f′ = %1 &lt; 0.01，因此它的权重几乎不变</translation>
    </message>
    <message>
        <source>Training at %1: sample %2</source>
        <translation>以%1训练中：样本 %2</translation>
    </message>
    <message>
        <source>Training at full speed: sample %1</source>
        <translation>全速训练中：样本 %1</translation>
    </message>
    <message>
        <source>Ready to train: sample %1 comes first</source>
        <translation>准备训练：第一个是样本 %1</translation>
    </message>
    <message>
        <source>Paused: sample %1 is next</source>
        <translation>已暂停：下一个是样本 %1</translation>
    </message>
</context>
<context>
    <name>bps::NeuronCurve</name>
    <message>
        <source>o = sigmoid(x) = 1 / (1 + e⁻ˣ)</source>
        <translation>o = sigmoid(x) = 1 / (1 + e⁻ˣ)</translation>
    </message>
    <message>
        <source>net input x = Σ w·a</source>
        <translation>净输入 x = Σ w·a</translation>
    </message>
</context>
<context>
    <name>bps::PlaygroundLesson</name>
    <message>
        <source>XOR (four corners)</source>
        <translation>异或（四个角）</translation>
    </message>
    <message>
        <source>Circle in a ring</source>
        <translation>圆环中的圆</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两团高斯分布</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Your own points (click)</source>
        <translation>自己的点（点击添加）</translation>
    </message>
    <message>
        <source>Show test points</source>
        <translation>显示测试点</translation>
    </message>
    <message>
        <source>New points</source>
        <translation>新的点</translation>
    </message>
    <message>
        <source>none (one linear classifier)</source>
        <translation>无（单个线性分类器）</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>S 函数</translation>
    </message>
    <message>
        <source>Play ▶</source>
        <translation>运行 ▶</translation>
    </message>
    <message>
        <source>One epoch</source>
        <translation>一个轮次</translation>
    </message>
    <message>
        <source>New weights ⟲</source>
        <translation>新的权重 ⟲</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点集</translation>
    </message>
    <message>
        <source>Noise %1%</source>
        <translation>噪声 %1%</translation>
    </message>
    <message>
        <source>Test share %1%</source>
        <translation>测试比例 %1%</translation>
    </message>
    <message>
        <source>Network: 2 → hidden → 2</source>
        <translation>网络：2 → 隐藏层 → 2</translation>
    </message>
    <message>
        <source>Hidden neurons</source>
        <translation>隐藏神经元</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>&lt;b&gt;One line cannot separate XOR.&lt;/b&gt; Orange and blue points must end up on different colours of the background, which shows what the network answers at every place.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; XOR with &lt;i&gt;Hidden neurons: none&lt;/i&gt; and press Play — the single linear classifier never gets more than three corners right. Then give it 2–4 hidden neurons. &lt;b&gt;Notice:&lt;/b&gt; each hidden neuron&apos;s square shows one straight boundary; the output combines these lines into a region no single line could draw. The spiral needs about 12 neurons and patience. Add noise and watch the test points (hollow) disagree with the training points.</source>
        <translation>&lt;b&gt;一条直线分不开异或。&lt;/b&gt;橙色和蓝色的点最后必须落在背景的不同颜色上，背景显示的是网络在每个位置给出的回答。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;选“异或”，&lt;i&gt;隐藏神经元：无&lt;/i&gt;，然后按“运行”——单个线性分类器最多只能把三个角分对。再给它 2–4 个隐藏神经元。&lt;b&gt;注意：&lt;/b&gt;每个隐藏神经元的小方块显示一条直的分界线；输出层把这些直线组合成一个任何单条直线都画不出来的区域。螺旋大约需要 12 个神经元，还需要耐心。加一些噪声，看看测试点（空心）怎样和训练点不一致。</translation>
    </message>
    <message>
        <source>Pause ❙❙</source>
        <translation>暂停 ❙❙</translation>
    </message>
    <message>
        <source>Epoch %1 · training loss %2&lt;br&gt;accuracy: training %3%, test %4%</source>
        <translation>第 %1 轮 · 训练损失 %2&lt;br&gt;准确率：训练 %3%，测试 %4%</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>One classifier is not enough</source>
        <translation>一个分类器是不够的</translation>
    </message>
    <message>
        <source>The points the network must separate: orange circles (class 0) from blue squares (class 1). Choosing other points starts the training again</source>
        <translation>网络要分开的点：橙色圆点（类别 0）和蓝色方块（类别 1）。换一组点会重新开始训练</translation>
    </message>
    <message>
        <source>Scatter the points at random, 0 … 100%. The more noise, the more the test points disagree with the training points</source>
        <translation>随机打散这些点，0 … 100%。噪声越大，测试点和训练点就越不一致</translation>
    </message>
    <message>
        <source>The share of the points (10 … 50%) kept out of training, to test the network on</source>
        <translation>不参加训练、留作测试网络的点所占的比例（10 … 50%）</translation>
    </message>
    <message>
        <source>Draw the test points (hollow) on the plane; the network never trains on them</source>
        <translation>在平面上画出测试点（空心）；网络从不用它们训练</translation>
    </message>
    <message>
        <source>A new random draw of the same points; your clicked points and the weights stay</source>
        <translation>重新随机生成同一种点；你点击添加的点和权重都保留</translation>
    </message>
    <message>
        <source>Neurons in the hidden layer, 0 … 16; with none the network can draw only one straight line. Changing it starts the training again</source>
        <translation>隐藏层的神经元个数，0 … 16；没有隐藏神经元时，网络只能画出一条直线。修改它会重新开始训练</translation>
    </message>
    <message>
        <source>The hidden neurons&apos; activation function: tanh (−1 … 1) or the book&apos;s sigmoid (0 … 1). Changing it starts the training again</source>
        <translation>隐藏神经元的激活函数：tanh（−1 … 1）或书中的 S 函数（0 … 1）。修改它会重新开始训练</translation>
    </message>
    <message>
        <source>The size α of each weight update; it takes effect at once, also while playing. Too large and the boundary jumps about</source>
        <translation>每次权重更新的大小 α；立即生效，运行中也可以调。太大时边界会来回跳动</translation>
    </message>
    <message>
        <source>Train without stopping and watch the background colours move; press again to pause</source>
        <translation>连续训练，看背景颜色怎样变化；再按一次暂停</translation>
    </message>
    <message>
        <source>Train once on every training point, then stop</source>
        <translation>用每个训练点各训练一次，然后停下</translation>
    </message>
    <message>
        <source>Start again from new random weights, on the same points</source>
        <translation>从新的随机权重重新开始，点保持不变</translation>
    </message>
</context>
<context>
    <name>bps::PlaygroundView</name>
    <message>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>hidden (%1)</source>
        <translation>隐藏层（%1）</translation>
    </message>
    <message>
        <source>output o₁ − o₀</source>
        <translation>输出 o₁ − o₀</translation>
    </message>
    <message>
        <source>Each square: that neuron&apos;s output over the whole plane. Blue solid lines: positive weights, orange dashed: negative.</source>
        <translation>每个小方块：该神经元在整个平面上的输出。蓝色实线：正权重；橙色虚线：负权重。</translation>
    </message>
    <message>
        <source>● class 0 (orange)   ■ class 1 (blue)   hollow: test points   click: add class 0, right-click: class 1</source>
        <translation>● 类别 0（橙色）   ■ 类别 1（蓝色）   空心：测试点   点击：添加类别 0，右键：类别 1</translation>
    </message>
</context>
<context>
    <name>bps::PredictPanel</name>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>from pixel (row %1, column %2)</source>
        <translation>来自像素（第 %1 行，第 %2 列）</translation>
    </message>
    <message>
        <source>from %1 neuron %2</source>
        <translation>来自%1神经元 %2</translation>
    </message>
    <message>
        <source>This weight will grow: ΔW &gt; 0</source>
        <translation>这个权重会变大：ΔW &gt; 0</translation>
    </message>
    <message>
        <source>This weight will shrink: ΔW &lt; 0</source>
        <translation>这个权重会变小：ΔW &lt; 0</translation>
    </message>
    <message>
        <source>ΔW = 0: unchanged</source>
        <translation>ΔW = 0：不变</translation>
    </message>
    <message>
        <source>ΔW = %1 ✓</source>
        <translation>ΔW = %1 ✓</translation>
    </message>
    <message>
        <source>Predict before reveal</source>
        <translation>先预测，再揭晓</translation>
    </message>
    <message>
        <source>Reveal: run the update (→)</source>
        <translation>揭晓：执行更新（→）</translation>
    </message>
    <message>
        <source>Runs the weight update (Step phase) and scores the predictions</source>
        <translation>执行权重更新（下一阶段）并为预测评分</translation>
    </message>
    <message>
        <source>Off. Turn on Training ▸ Predict before reveal to guess each update before it is shown.</source>
        <translation>已关闭。打开 训练 ▸ 先预测，再揭晓，就能在每次更新显示之前先猜一猜。</translation>
    </message>
    <message>
        <source>Pause and step phase by phase (Step phase, →). Before a weight update runs, you mark here whether each weight of the neuron will grow or shrink.</source>
        <translation>请暂停，然后逐个阶段单步执行（“下一阶段”，→）。在权重更新执行之前，在这里标出神经元的每个权重会变大还是变小。</translation>
    </message>
    <message>
        <source>An input neuron has no incoming weights: click a hidden or output neuron.</source>
        <translation>输入层神经元没有进入的权重：请点击隐藏层或输出层的神经元。</translation>
    </message>
    <message>
        <source>Step on (→): the weights into the neuron you clicked (layer %1, neuron %2) are offered when their update is next.</source>
        <translation>继续单步执行（→）：下一步要更新你点击的神经元（第 %1 层，神经元 %2）的权重时，这里会列出这些权重。</translation>
    </message>
    <message>
        <source>%1 of %2 marked</source>
        <translation>已标记 %1 / %2</translation>
    </message>
    <message>
        <source>The update ran: ΔW = α · δ · o, with δ = e · f′(o) = %1 and α = %2. A weight grows where δ and its input o have the same sign; the larger |o|, the larger the change.</source>
        <translation>更新已执行：ΔW = α · δ · o，其中 δ = e · f′(o) = %1，α = %2。δ 与输入 o 同号的权重变大；|o| 越大，变化越大。</translation>
    </message>
    <message>
        <source>%1 of %2 right</source>
        <translation>%2 个中对了 %1 个</translation>
    </message>
    <message numerus="yes">
        <source> (%n not marked)</source>
        <translation>
            <numerusform>（%n 个未标记）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: ΔW = %2</source>
        <translation>%1：ΔW = %2</translation>
    </message>
    <message>
        <source>Wrong: %1</source>
        <translation>错了：%1</translation>
    </message>
    <message>
        <source>pixel (%1, %2)</source>
        <translation>像素 (%1, %2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: w = %2</source>
        <translation>%1：w = %2</translation>
    </message>
    <message>
        <source>%1, input o = %2</source>
        <translation>%1，输入 o = %2</translation>
    </message>
    <message>
        <source>ΔW = %1 (not marked)</source>
        <translation>ΔW = %1（未标记）</translation>
    </message>
    <message>
        <source>ΔW = %1 ✗</source>
        <translation>ΔW = %1 ✗</translation>
    </message>
    <message>
        <source>Step on (→): before each weight update, the weights into the neuron with the largest δ = e·f′(o) (its error times its slope) are offered (click a neuron to choose another).</source>
        <translation>继续单步执行（→）：每次更新权重之前，这里列出 δ = e·f′(o)（误差乘以斜率）最大的神经元的进入权重（点击一个神经元可以另选）。</translation>
    </message>
    <message>
        <source>Next: the update of W%1. Will each weight into %2 neuron %3 (error e = %4) grow ▲ (ΔW &gt; 0) or shrink ▼ (ΔW &lt; 0)?</source>
        <translation>下一步：更新 W%1。进入%2神经元 %3（误差 e = %4）的每个权重会变大 ▲（ΔW &gt; 0）还是变小 ▼（ΔW &lt; 0）？</translation>
    </message>
    <message>
        <source>The %1 of its %2 weights that add most (|w·o|) to its input:</source>
        <translation>它的 %2 个权重中对其输入贡献最大（|w·o|）的 %1 个：</translation>
    </message>
    <message>
        <source>Guess the new error</source>
        <translation>猜一猜新的误差</translation>
    </message>
    <message>
        <source>▼ lower</source>
        <translation>▼ 更低</translation>
    </message>
    <message>
        <source>E of this sample will be lower after the update</source>
        <translation>更新之后，这个样本的 E 会更低</translation>
    </message>
    <message>
        <source>▲ higher</source>
        <translation>▲ 更高</translation>
    </message>
    <message>
        <source>E of this sample will be higher after the update</source>
        <translation>更新之后，这个样本的 E 会更高</translation>
    </message>
    <message>
        <source>new E (optional)</source>
        <translation>新的 E（可不填）</translation>
    </message>
    <message>
        <source>Your guess of E = Σ(T − O)² of this sample after the update</source>
        <translation>你猜的更新之后这个样本的 E = Σ(T − O)²</translation>
    </message>
    <message>
        <source>E = Σ(T − O)² of this sample is %1 now. After the update, will E of this same sample be lower or higher? You may type the new E too. Step on to the end of the sample (→, or Step sample) to see it.</source>
        <translation>这个样本现在的 E = Σ(T − O)² 是 %1。更新之后，同一个样本的 E 会更低还是更高？也可以输入你猜的新 E。单步执行到这个样本结束（→，或“训练一个样本”）就能看到结果。</translation>
    </message>
    <message>
        <source>E of this sample was %1 before the update.</source>
        <translation>更新之前，这个样本的 E 是 %1。</translation>
    </message>
    <message>
        <source>New E = %1: the same sample through the updated weights (a forward pass).</source>
        <translation>新的 E = %1：同一个样本通过更新后的权重（一次前向传播）。</translation>
    </message>
    <message>
        <source>It went down by %1.</source>
        <translation>它下降了 %1。</translation>
    </message>
    <message>
        <source>It went up by %1.</source>
        <translation>它上升了 %1。</translation>
    </message>
    <message>
        <source>Your guess, %1: right ✓</source>
        <translation>你的猜测（%1）：对 ✓</translation>
    </message>
    <message>
        <source>Your guess, %1: wrong ✗</source>
        <translation>你的猜测（%1）：错 ✗</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>更低</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>更高</translation>
    </message>
    <message>
        <source>You did not guess lower or higher.</source>
        <translation>你没有猜更低还是更高。</translation>
    </message>
    <message>
        <source>Your new E, %1, is off by %2.</source>
        <translation>你猜的新 E 是 %1，相差 %2。</translation>
    </message>
</context>
<context>
    <name>bps::PresentationMode</name>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Zoom &amp;in (presentation)</source>
        <translation>放大(&amp;I)（演示）</translation>
    </message>
    <message>
        <source>Make everything larger while presenting</source>
        <translation>演示时把所有内容放大</translation>
    </message>
    <message>
        <source>Zoom &amp;out (presentation)</source>
        <translation>缩小(&amp;O)（演示）</translation>
    </message>
    <message>
        <source>Make everything smaller while presenting</source>
        <translation>演示时把所有内容缩小</translation>
    </message>
    <message>
        <source>&amp;Reset presentation zoom</source>
        <translation>重置演示缩放(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the default presentation size (150 %)</source>
        <translation>恢复默认的演示大小（150 %）</translation>
    </message>
    <message>
        <source>Large text, high contrast, full screen, no panel titles: for a projector (F11 or Ctrl+Shift+P)</source>
        <translation>大字体、高对比度、全屏、隐藏面板标题：适合投影（F11 或 Ctrl+Shift+P）</translation>
    </message>
</context>
<context>
    <name>bps::SampleBrowser</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Sample %1, label %2 (click to step through it)</source>
        <translation>样本 %1，标签 %2（点击可逐步查看）</translation>
    </message>
    <message>
        <source>Sample %1, label %2, the network says %3 (click to step through it)</source>
        <translation>样本 %1，标签 %2，网络认为是 %3（点击可逐步查看）</translation>
    </message>
    <message>
        <source>label → prediction; click a sample to step through it</source>
        <translation>标签 → 预测；点击一个样本可逐步查看它的训练</translation>
    </message>
</context>
<context>
    <name>bps::SaturationLesson</name>
    <message>
        <source>the demo network (right)</source>
        <translation>演示网络（右侧）</translation>
    </message>
    <message>
        <source>the studio&apos;s network</source>
        <translation>主窗口的网络</translation>
    </message>
    <message>
        <source>Available once the studio has trained or stepped a sample</source>
        <translation>主窗口训练或单步执行过一个样本之后可用</translation>
    </message>
    <message>
        <source>The sigmoid and each neuron&apos;s net input</source>
        <translation>S 函数和每个神经元的净输入</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>x/255·0.99 + 0.01 (the book)</source>
        <translation>x/255·0.99 + 0.01（书中所用）</translation>
    </message>
    <message>
        <source>raw pixels 0 … 255</source>
        <translation>原始像素 0 … 255</translation>
    </message>
    <message>
        <source>x/255: 0 … 1</source>
        <translation>x/255：0 … 1</translation>
    </message>
    <message>
        <source>0.01 and 0.99 (the book)</source>
        <translation>0.01 和 0.99（书中所用）</translation>
    </message>
    <message>
        <source>0 and 1</source>
        <translation>0 和 1</translation>
    </message>
    <message>
        <source>normal, std 1/√incoming (the book)</source>
        <translation>正态分布，标准差 1/√输入数（书中所用）</translation>
    </message>
    <message>
        <source>all zero</source>
        <translation>全为零</translation>
    </message>
    <message>
        <source>Preparing the data</source>
        <translation>准备数据</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Starting weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Train ▶</source>
        <translation>训练 ▶</translation>
    </message>
    <message>
        <source>Start again ⟲</source>
        <translation>重新开始 ⟲</translation>
    </message>
    <message>
        <source>Demo: 784-100-10 on 100 MNIST samples, α = 0.1</source>
        <translation>演示：784-100-10，用 100 个 MNIST 样本，α = 0.1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Why the book scales its data.&lt;/b&gt; A neuron learns in proportion to the slope of its sigmoid, o(1−o). Far out on the flat ends (shaded) the slope is almost 0: the neuron is &lt;i&gt;saturated&lt;/i&gt; and its weights hardly change.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; choose &lt;i&gt;huge&lt;/i&gt; starting weights or &lt;i&gt;raw pixels&lt;/i&gt; and press Train. &lt;b&gt;Notice:&lt;/b&gt; the net inputs jump into the shaded zones, the saturation bar fills up and the error stays high — after 300 samples still many times the book&apos;s preparation (faded line), which learns at once. Each warning&apos;s &lt;i&gt;Fix&lt;/i&gt; button puts back the book&apos;s choice.</source>
        <translation>&lt;b&gt;为什么书中要缩放数据。&lt;/b&gt;神经元学习的快慢与它的 S 函数的斜率 o(1−o) 成正比。在两端平坦的地方（阴影区）斜率几乎为 0：神经元&lt;i&gt;饱和&lt;/i&gt;了，它的权重几乎不变。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;选择&lt;i&gt;巨大&lt;/i&gt;的初始权重或&lt;i&gt;原始像素&lt;/i&gt;，然后按“训练”。&lt;b&gt;注意：&lt;/b&gt;净输入跳进了阴影区，饱和条被填满，误差一直很高——300 个样本之后仍是按书中方法准备的数据（淡色曲线）的好几倍，而后者立刻就开始学习。每条警告的&lt;i&gt;修正&lt;/i&gt;按钮都会恢复书中的选择。</translation>
    </message>
    <message>
        <source>Inputs go up to %1. Large inputs give large net inputs, the sigmoids saturate and learning stalls. Scale them into 0.01 … 1.00.</source>
        <translation>输入最大到 %1。输入大，净输入就大，S 函数会饱和，学习就停滞了。请把输入缩放到 0.01 … 1.00。</translation>
    </message>
    <message>
        <source>Some inputs are %1. A weight changes in proportion to its input (ΔW = α·δ·O&lt;sup&gt;T&lt;/sup&gt;), so weights from zero inputs never learn. Start the inputs at 0.01.</source>
        <translation>有些输入是 %1。权重的变化与它的输入成正比（ΔW = α·δ·O&lt;sup&gt;T&lt;/sup&gt;），所以来自零输入的权重永远学不到东西。请让输入从 0.01 开始。</translation>
    </message>
    <message>
        <source>Targets of %1 and %2: a sigmoid reaches 0 and 1 only at x = ±∞, so training keeps pushing the weights larger, into saturation. Use 0.01 and 0.99.</source>
        <translation>目标值为 %1 和 %2：S 函数只有在 x = ±∞ 时才能达到 0 和 1，所以训练会不断把权重推大，直到饱和。请使用 0.01 和 0.99。</translation>
    </message>
    <message>
        <source>All weights start at 0: every hidden neuron computes the same thing and, with the errors split by Wᵀ·E = 0, the hidden layer never learns. Start from small random weights.</source>
        <translation>所有权重都从 0 开始：每个隐藏神经元算的都一样，而且误差按 Wᵀ·E = 0 分配，隐藏层永远学不到东西。请从较小的随机权重开始。</translation>
    </message>
    <message>
        <source>The starting weights are %1× the book&apos;s size (std 1/√incoming): net inputs are large, the sigmoids saturate and learning stalls.</source>
        <translation>初始权重是书中大小（标准差 1/√输入数）的 %1 倍：净输入很大，S 函数饱和，学习停滞。</translation>
    </message>
    <message>
        <source>the book&apos;s preparation</source>
        <translation>书中的准备方法</translation>
    </message>
    <message>
        <source>your preparation</source>
        <translation>你的准备方法</translation>
    </message>
    <message>
        <source>Pause ❙❙</source>
        <translation>暂停 ❙❙</translation>
    </message>
    <message>
        <source>✔ The data and the starting weights are prepared as the book does.</source>
        <translation>✔ 数据和初始权重都按书中的方法准备好了。</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>Saturated (slope o(1−o) &lt; %1): %2% of the neurons — %3</source>
        <translation>饱和（斜率 o(1−o) &lt; %1）：%2% 的神经元——%3</translation>
    </message>
    <message>
        <source>samples %1 · running error: yours %2, the book&apos;s %3</source>
        <translation>样本 %1 · 滑动误差：你的 %2，书中的 %3</translation>
    </message>
    <message>
        <source>Sigmoid, saturation and preparing data</source>
        <translation>S 函数、饱和与数据准备</translation>
    </message>
    <message>
        <source>huge: normal, std 10</source>
        <translation>极大：正态分布，标准差 10</translation>
    </message>
    <message>
        <source>The sigmoid curve</source>
        <translation>S 函数曲线</translation>
    </message>
    <message>
        <source>The network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Mark the net inputs of the demo network that trains on the right, after each sample</source>
        <translation>标出右侧正在训练的演示网络在每个样本之后的净输入</translation>
    </message>
    <message>
        <source>How each pixel (0 … 255) is scaled before it enters the network. Raw pixels give huge net inputs; inputs of 0 give their weights nothing to learn from</source>
        <translation>每个像素（0 … 255）进入网络之前怎样缩放。原始像素会产生极大的净输入；为 0 的输入让它们的权重无从学习</translation>
    </message>
    <message>
        <source>The outputs the network is trained towards, for the wrong and the right digit. A sigmoid never reaches 0 or 1, so those targets push the weights into saturation</source>
        <translation>训练时网络要接近的输出，分别对应错误的数字和正确的数字。S 函数永远达不到 0 或 1，所以这样的目标会把权重推向饱和</translation>
    </message>
    <message>
        <source>The weights before training. All zero: the hidden layer never learns; huge: the neurons saturate from the first sample</source>
        <translation>训练之前的权重。全为零：隐藏层永远学不到东西；极大：神经元从第一个样本起就饱和</translation>
    </message>
    <message>
        <source>Train the demo network on the 100 samples, prepared as chosen above, and watch the error curve and the saturation bar; press again to pause</source>
        <translation>用按上面的选择准备好的 100 个样本训练演示网络，观察误差曲线和饱和条；再按一次暂停</translation>
    </message>
    <message>
        <source>Forget the training so far and start the demo again from its starting weights</source>
        <translation>丢掉目前的训练结果，让演示从它的初始权重重新开始</translation>
    </message>
    <message>
        <source>Put back the book&apos;s choice for this and start the demo again</source>
        <translation>恢复书中的这项选择，并重新开始演示</translation>
    </message>
</context>
<context>
    <name>bps::SessionActions</name>
    <message>
        <source>Backprop Studio sessions (*.bps)</source>
        <translation>Backprop Studio 会话 (*.bps)</translation>
    </message>
    <message>
        <source>Session saved automatically</source>
        <translation>会话已自动保存</translation>
    </message>
    <message>
        <source>Session: %1</source>
        <translation>会话：%1</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session (network, weights, data, settings, curves) or a model file</source>
        <translation>打开保存的会话（网络、权重、数据、设置、曲线）或模型文件</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network, its weights, the data paths, the settings and the curves in one file</source>
        <translation>把网络、它的权重、数据路径、设置和曲线保存到一个文件里</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Save the session in a new file</source>
        <translation>把会话保存到一个新文件</translation>
    </message>
    <message>
        <source>Session tit&amp;le…</source>
        <translation>会话标题(&amp;L)…</translation>
    </message>
    <message>
        <source>Give the session a title (e.g. the lesson&apos;s name): it is saved with the session and shown in the window title</source>
        <translation>为会话起一个标题（例如这节课的名称）：它随会话一起保存，并显示在窗口标题中</translation>
    </message>
    <message>
        <source>Recent sessio&amp;ns</source>
        <translation>最近的会话(&amp;N)</translation>
    </message>
    <message>
        <source>Session title</source>
        <translation>会话标题</translation>
    </message>
    <message>
        <source>Title of this session, shown in the window title and saved with the session:</source>
        <translation>本会话的标题，显示在窗口标题中并随会话保存：</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>%1: cannot open the file</source>
        <translation>%1：无法打开文件</translation>
    </message>
    <message>
        <source>%1 is not a session or a model file</source>
        <translation>%1 不是会话文件，也不是模型文件</translation>
    </message>
    <message>
        <source>Backprop Studio models (*.bpm)</source>
        <translation>Backprop Studio 模型 (*.bpm)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
</context>
<context>
    <name>bps::SessionManager</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Restore the last session?</source>
        <translation>恢复上次的会话吗？</translation>
    </message>
    <message>
        <source>Backprop Studio did not close normally last time. Restore the session saved automatically at %1?</source>
        <translation>Backprop Studio 上次没有正常关闭。要恢复 %1 自动保存的会话吗？</translation>
    </message>
    <message>
        <source>Restore the last session</source>
        <translation>恢复上次的会话</translation>
    </message>
    <message>
        <source>%1: the model has %2 inputs but the training set loaded now has %3; load a training set of its kind first</source>
        <translation>%1：模型有 %2 个输入，但现在载入的训练集有 %3 个；请先载入与它同类的训练集</translation>
    </message>
    <message>
        <source>The session&apos;s network has %1 inputs but the training set %2 has %3 a sample; the network was not restored (open the session with its own training set)</source>
        <translation>会话中的神经网络有 %1 个输入，但训练集 %2 每个样本有 %3 个值；神经网络没有恢复（请用会话自己的训练集打开它）</translation>
    </message>
    <message>
        <source>The session&apos;s network has %1 outputs but the training set %2 holds label %3; the network was not restored (open the session with its own training set)</source>
        <translation>会话中的神经网络有 %1 个输出，但训练集 %2 含有标签 %3；神经网络没有恢复（请用会话自己的训练集打开它）</translation>
    </message>
</context>
<context>
    <name>bps::SigmoidPlot</name>
    <message>
        <source>saturated
slope &lt; %1</source>
        <translation>饱和
斜率 &lt; %1</translation>
    </message>
    <message>
        <source>net input x = Σ w·o</source>
        <translation>净输入 x = Σ w·o</translation>
    </message>
    <message>
        <source>σ(x) = 1/(1+e⁻ˣ) (solid)    slope o(1−o), ×4 (dashed)</source>
        <translation>σ(x) = 1/(1+e⁻ˣ)（实线）    斜率 o(1−o)，×4（虚线）</translation>
    </message>
    <message>
        <source>%1: %2 neurons</source>
        <translation>%1：%2 个神经元</translation>
    </message>
    <message>
        <source> (%1 beyond ±10)</source>
        <translation>（%1 个超出 ±10）</translation>
    </message>
</context>
<context>
    <name>bps::SingleNeuronLesson</name>
    <message>
        <source>x = w₁·a₁ + w₂·a₂ + w₃·a₃ = %1 = %2</source>
        <translation>x = w₁·a₁ + w₂·a₂ + w₃·a₃ = %1 = %2</translation>
    </message>
    <message>
        <source>o = sigmoid(%1) = %2</source>
        <translation>o = sigmoid(%1) = %2</translation>
    </message>
    <message>
        <source>Inputs and weights</source>
        <translation>输入和权重</translation>
    </message>
    <message>
        <source>The sigmoid: the neuron&apos;s output</source>
        <translation>S 函数：神经元的输出</translation>
    </message>
    <message>
        <source>input a%1</source>
        <translation>输入 a%1</translation>
    </message>
    <message>
        <source>weight w%1</source>
        <translation>权重 w%1</translation>
    </message>
    <message>
        <source>The signal arriving on link %1 (0 … 1)</source>
        <translation>从第 %1 条连接传来的信号（0 … 1）</translation>
    </message>
    <message>
        <source>How strongly link %1 counts (−%2 … %2); a negative weight holds the neuron back</source>
        <translation>第 %1 条连接的分量有多重（−%2 … %2）；负权重会抑制这个神经元</translation>
    </message>
    <message>
        <source>The book&apos;s numbers</source>
        <translation>书中的数字</translation>
    </message>
    <message>
        <source>Inputs 0.9, 0.1, 0.8 and the weights into hidden node 1 of the book&apos;s three layers</source>
        <translation>输入 0.9、0.1、0.8，以及书中三层网络里连到隐藏节点 1 的权重</translation>
    </message>
    <message>
        <source>&lt;b&gt;A neuron adds up and squashes.&lt;/b&gt; Each input is multiplied by the weight of its link, the products are added into the net input x, and the sigmoid turns x into an output between 0 and 1. A small x gives almost nothing; past a threshold the output rises quickly, then levels off near 1.&lt;br&gt;&lt;b&gt;Try:&lt;/b&gt; move one weight below 0, then make the inputs large. &lt;b&gt;Notice:&lt;/b&gt; the output never reaches 0 or 1, and far out on the curve moving a weight hardly changes it — that flat slope matters when the network learns.</source>
        <translation>&lt;b&gt;神经元先求和，再压缩。&lt;/b&gt;每个输入乘以它所在连接的权重，乘积加起来就是净输入 x，S 函数再把 x 变成 0 到 1 之间的输出。x 小时输出几乎为零；越过一个阈值后输出迅速上升，然后在接近 1 处趋于平缓。&lt;br&gt;&lt;b&gt;试一试：&lt;/b&gt;把一个权重调到 0 以下，再把输入调大。&lt;b&gt;注意：&lt;/b&gt;输出永远到不了 0 或 1；在曲线远端，移动权重几乎不改变输出——网络学习时，这段平坦的斜率很重要。</translation>
    </message>
    <message>
        <source>A single neuron</source>
        <translation>单个神经元</translation>
    </message>
</context>
<context>
    <name>bps::StatusBar</name>
    <message>
        <source>Training: %1 (%2 samples)</source>
        <translation>训练集：%1（%2 个样本）</translation>
    </message>
    <message>
        <source> · Test: %1 (not used: %2 values per sample, not %3)</source>
        <translation> · 测试集：%1（未使用：每个样本 %2 个值，而不是 %3 个）</translation>
    </message>
    <message>
        <source> · Test: %1 (%2 samples)</source>
        <translation> · 测试集：%1（%2 个样本）</translation>
    </message>
    <message>
        <source>Epoch %1: mean error %2, test accuracy %3 % (%4 s)</source>
        <translation>第 %1 轮：平均误差 %2，测试准确率 %3 %（%4 秒）</translation>
    </message>
    <message>
        <source>Epoch %1: mean error %2 (%3 s)</source>
        <translation>第 %1 轮：平均误差 %2（%3 秒）</translation>
    </message>
</context>
<context>
    <name>bps::SurfaceMap</name>
    <message>
        <source>light: low error E, dark: high</source>
        <translation>浅色：误差 E 低，深色：误差高</translation>
    </message>
</context>
<context>
    <name>bps::SweepDialog</name>
    <message>
        <source>Class sweep</source>
        <translation>全班扫描</translation>
    </message>
    <message>
        <source>Every student starts from your network, seed and data with a learning rate of their own: log-spaced from the first to the last, or typed per student. The class&apos;s answer to &quot;which learning rate works&quot; appears as accuracy against α.</source>
        <translation>每个学生都从你的网络、种子和数据开始，各用自己的学习率：从第一个到最后一个按对数均匀分布，或逐个填写。全班对“哪个学习率好用”的回答将以准确率与 α 的关系呈现。</translation>
    </message>
    <message>
        <source>α &amp;from:</source>
        <translation>α 起(&amp;F)：</translation>
    </message>
    <message>
        <source>α &amp;to:</source>
        <translation>α 止(&amp;T)：</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>&amp;Send to the class</source>
        <translation>发送给全班(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bps::SweepLesson</name>
    <message>
        <source>Neurons in the one hidden layer (784-n-10), the same for every run</source>
        <translation>唯一隐藏层的神经元个数（784-n-10），每次训练都相同</translation>
    </message>
    <message>
        <source>Passes over the training set per run</source>
        <translation>每次训练遍历训练集的轮次</translation>
    </message>
    <message>
        <source>Seed of the random starting weights: every run starts from the same weights</source>
        <translation>随机初始权重的种子：每次训练都从相同的权重开始</translation>
    </message>
    <message>
        <source>What the runs train and test on (the studio&apos;s sets once it has loaded them)</source>
        <translation>训练和测试所用的数据（主窗口加载数据集后可选用它的数据集）</translation>
    </message>
    <message>
        <source>Train one network per learning rate, two at a time</source>
        <translation>每个学习率训练一个网络，每次同时训练两个</translation>
    </message>
    <message>
        <source>Stop every run at its next sample</source>
        <translation>在下一个样本处停止所有训练</translation>
    </message>
    <message>
        <source>Learning-rate sweep</source>
        <translation>学习率扫描</translation>
    </message>
    <message>
        <source>Learning rates, separated by commas or spaces</source>
        <translation>学习率，用逗号或空格分隔</translation>
    </message>
    <message>
        <source>Embedded MNIST: 5,000 train / 1,000 test</source>
        <translation>内置 MNIST：5,000 个训练样本 / 1,000 个测试样本</translation>
    </message>
    <message>
        <source>The studio&apos;s training and test sets</source>
        <translation>主窗口的训练集和测试集</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Learning rates:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Hidden nodes:</source>
        <translation>隐藏节点：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Press Start: %1 runs, %2 at a time.</source>
        <translation>按“开始”：共 %1 次训练，每次同时 %2 个。</translation>
    </message>
    <message>
        <source>Give at least one learning rate between 0 and 10.</source>
        <translation>请至少给出一个介于 0 和 10 之间的学习率。</translation>
    </message>
    <message>
        <source>α = %1: waiting</source>
        <translation>α = %1：等待中</translation>
    </message>
    <message>
        <source>Training %1 networks, %2 at a time…</source>
        <translation>正在训练 %1 个网络，每次同时 %2 个…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>sweep α = %1, hidden %2, %3 epoch(s), seed %4</source>
        <translation>扫描 α = %1，隐藏层 %2，%3 轮，种子 %4</translation>
    </message>
    <message>
        <source>α = %1: cancelled</source>
        <translation>α = %1：已取消</translation>
    </message>
    <message>
        <source>α = %1: diverged (weights became infinite)</source>
        <translation>α = %1：发散了（权重变成了无穷大）</translation>
    </message>
    <message>
        <source>α = %1: %2 % test accuracy</source>
        <translation>α = %1：测试准确率 %2 %</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Done. Best: α = %1 with %2 % on the test set.</source>
        <translation>完成。最好的是 α = %1，测试集上准确率 %2 %。</translation>
    </message>
    <message>
        <source>Learning-rate sweep: error curves</source>
        <translation>学习率扫描：误差曲线</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Which learning rate is best?&lt;/h3&gt;&lt;p&gt;The book finds out by hand: train the same network several times, changing only the learning rate α, and compare the test accuracy. Here every run starts from the &lt;b&gt;same random weights&lt;/b&gt; (same seed) and sees the samples in the same order, so the learning rate is the only difference. Two runs train at once, one per processor core.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; press Start, then click a point to see that run&apos;s error curve in the studio&apos;s error chart, beside the runs you opened before. Try 2 epochs, or fewer hidden nodes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Notice:&lt;/b&gt; too small a rate learns too slowly in the time given; too large a rate overshoots and bounces around. The best lies in between — the book found about 0.1–0.3 for one epoch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;哪个学习率最好？&lt;/h3&gt;&lt;p&gt;书中是手工找出来的：把同一个网络训练好几次，每次只改变学习率 α，再比较测试准确率。这里每次训练都从&lt;b&gt;相同的随机权重&lt;/b&gt;（相同的种子）开始，样本的顺序也相同，所以唯一的差别就是学习率。每次同时训练两个网络，每个处理器核心一个。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;按“开始”，然后点击一个点，在工作室的误差图表中查看那次训练的误差曲线，之前打开的训练也留在那里。试试 2 个轮次，或者更少的隐藏节点。&lt;/p&gt;&lt;p&gt;&lt;b&gt;注意：&lt;/b&gt;学习率太小，在给定的时间里学得太慢；学习率太大，会冲过头来回震荡。最好的在两者之间——书中发现训练一个轮次时大约是 0.1–0.3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Show this run&apos;s error curve</source>
        <translation>显示这次训练的误差曲线</translation>
    </message>
    <message>
        <source>Show the selected run&apos;s training error in an error chart (or click its point)</source>
        <translation>在误差图表中显示所选训练的训练误差（或点击它的点）</translation>
    </message>
</context>
<context>
    <name>bps::SweepPlot</name>
    <message>
        <source>Test accuracy against learning rate α (class sweep)</source>
        <translation>测试准确率与学习率 α（全班扫描）</translation>
    </message>
    <message>
        <source>learning rate α (log scale)</source>
        <translation>学习率 α（对数刻度）</translation>
    </message>
    <message>
        <source>Each student&apos;s accuracy appears here after their first epoch.</source>
        <translation>每个学生完成第一轮后，其准确率会显示在这里。</translation>
    </message>
</context>
<context>
    <name>bps::TimelineBar</name>
    <message>
        <source>Diverged at sample %1: a weight or output became NaN or ∞ (α %2)</source>
        <translation>在样本 %1 处发散：某个权重或输出变成了 NaN 或 ∞（α %2）</translation>
    </message>
    <message>
        <source>Diverges: the largest weight grew from %1 to %2 since sample %3 (α %4)</source>
        <translation>发散：自样本 %3 起，最大的权重从 %1 增长到 %2（α %4）</translation>
    </message>
    <message>
        <source>Stalls: %1 of %2 hidden neurons dead, error flat between %3 and %4 (α %5)</source>
        <translation>停滞：%2 个隐藏神经元中有 %1 个已死亡，误差停在 %3 与 %4 之间（α %5）</translation>
    </message>
    <message>
        <source>Stalls: %1 of %2 hidden neurons saturated, error flat between %3 and %4 (α %5)</source>
        <translation>停滞：%2 个隐藏神经元中有 %1 个已饱和，误差停在 %3 与 %4 之间（α %5）</translation>
    </message>
    <message>
        <source>Stalls: all %1 output neurons saturated, error flat between %2 and %3 (α %4)</source>
        <translation>停滞：全部 %1 个输出神经元已饱和，误差停在 %2 与 %3 之间（α %4）</translation>
    </message>
    <message>
        <source>Oscillates: the error turned %1 times between %2 and %3 since sample %4 (α %5)</source>
        <translation>振荡：自样本 %4 起，误差在 %2 与 %3 之间来回转向 %1 次（α %5）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training diverged&lt;/b&gt; at sample %1: a weight or an output became NaN or infinite (α %2). The largest weight had grown from %3 at sample %4 to %5 (in %6).</source>
        <translation>&lt;b&gt;训练已发散&lt;/b&gt;：在样本 %1 处，某个权重或输出变成了 NaN 或无穷大（α %2）。最大的权重已从样本 %4 时的 %3 增长到 %5（在 %6 中）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training diverges&lt;/b&gt;: the largest weight (in %1) grew from %2 to %3 since sample %4, while the error on the probe samples is worse than its best, %5 (now %6); %7 of %8 hidden neurons are saturated (α %9).</source>
        <translation>&lt;b&gt;训练正在发散&lt;/b&gt;：自样本 %4 起，最大的权重（在 %1 中）从 %2 增长到 %3，而探测样本上的误差比其最好值 %5 更差（现在为 %6）；%8 个隐藏神经元中有 %7 个已饱和（α %9）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training stalls&lt;/b&gt;: since sample %1 the error on the probe samples has stayed between %2 and %3 while %4 of %5 hidden neurons are dead (ReLU output 0 for every probe sample; α %6).</source>
        <translation>&lt;b&gt;训练停滞&lt;/b&gt;：自样本 %1 起，探测样本上的误差一直停在 %2 与 %3 之间，而 %5 个隐藏神经元中有 %4 个已死亡（ReLU 对每个探测样本的输出都是 0；α %6）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training stalls&lt;/b&gt;: since sample %1 the error on the probe samples has stayed between %2 and %3 while %4 of %5 hidden neurons are saturated (slope f′ &lt; 0.01: their updates hardly move them; α %6).</source>
        <translation>&lt;b&gt;训练停滞&lt;/b&gt;：自样本 %1 起，探测样本上的误差一直停在 %2 与 %3 之间，而 %5 个隐藏神经元中有 %4 个已饱和（斜率 f′ &lt; 0.01：更新几乎推不动它们；α %6）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training stalls&lt;/b&gt;: since sample %1 the error on the probe samples has stayed between %2 and %3 while all %4 output neurons are saturated (slope f′ &lt; 0.01; α %5).</source>
        <translation>&lt;b&gt;训练停滞&lt;/b&gt;：自样本 %1 起，探测样本上的误差一直停在 %2 与 %3 之间，而全部 %4 个输出神经元已饱和（斜率 f′ &lt; 0.01；α %5）。</translation>
    </message>
    <message>
        <source>The largest weight (in %1) had grown from %2 to %3.</source>
        <translation>最大的权重（在 %1 中）已从 %2 增长到 %3。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training oscillates&lt;/b&gt;: since sample %1 the error on the probe samples has turned %2 times between %3 and %4 without a new low (α %5).</source>
        <translation>&lt;b&gt;训练振荡&lt;/b&gt;：自样本 %1 起，探测样本上的误差在 %3 与 %4 之间来回转向 %2 次，没有创下新低（α %5）。</translation>
    </message>
    <message>
        <source>The last good checkpoint is at sample %1: rewind there and lower the learning rate.</source>
        <translation>最后一个良好的检查点在样本 %1：回到那里并降低学习率。</translation>
    </message>
    <message>
        <source>Not the live network: sample %1 of %2 (epoch %3, error %4)</source>
        <translation>不是当前的网络：第 %1 个样本，共 %2 个（轮次 %3，误差 %4）</translation>
    </message>
    <message numerus="yes">
        <source>Live network · %n checkpoint(s)</source>
        <translation>
            <numerusform>当前的网络 · %n 个检查点</numerusform>
        </translation>
    </message>
    <message>
        <source>Re&amp;wind to %1</source>
        <translation>回到 %1(&amp;W)</translation>
    </message>
    <message>
        <source>Not the live network — as it was at sample %1. Live returns to it.</source>
        <translation>不是当前的网络——这是它在样本 %1 时的样子。按“当前”回到它。</translation>
    </message>
    <message>
        <source>Ti&amp;meline</source>
        <translation>时间线(&amp;M)</translation>
    </message>
    <message>
        <source>The run&apos;s checkpoints, a tenth of an epoch apart (thinned as the run grows); the right end is the live network. Drag back to see the network as it was then.</source>
        <translation>这次训练的检查点，每十分之一轮次一个（训练越长越稀疏）；最右端是当前的网络。向回拖动，即可看到网络当时的样子。</translation>
    </message>
    <message>
        <source>Timeline of the run</source>
        <translation>训练的时间线</translation>
    </message>
    <message>
        <source>L&amp;ive</source>
        <translation>当前(&amp;I)</translation>
    </message>
    <message>
        <source>Show the live network again</source>
        <translation>重新显示当前的网络</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>继续(&amp;U)</translation>
    </message>
    <message>
        <source>Training continues from this checkpoint with the learning rate it had; what came after it is dropped</source>
        <translation>从这个检查点以它当时的学习率继续训练；它之后的部分将被丢弃</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>Learning rate of a branch or a replay</source>
        <translation>分支或重放的学习率</translation>
    </message>
    <message>
        <source>&amp;Branch</source>
        <translation>分支(&amp;B)</translation>
    </message>
    <message>
        <source>A new run from this checkpoint&apos;s weights at the learning rate in the box, drawn beside this one</source>
        <translation>以框中的学习率，从这个检查点的权重开始一次新的训练，画在这次训练旁边</translation>
    </message>
    <message>
        <source>Repla&amp;y</source>
        <translation>重放(&amp;Y)</translation>
    </message>
    <message>
        <source>A new run from the same initial weights and sample order at the learning rate in the box</source>
        <translation>以框中的学习率，从相同的初始权重和样本顺序开始一次新的训练</translation>
    </message>
    <message>
        <source>Show the last good checkpoint; then resume or branch from it</source>
        <translation>显示最后一个良好的检查点；然后从它继续或分支</translation>
    </message>
</context>
<context>
    <name>bps::TrainingController</name>
    <message>
        <source>α %1 · hidden %2 · epochs %3</source>
        <translation>α %1 · 隐藏层 %2 · %3 轮</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: a network cannot be built on this data: %2</source>
        <translation>%1：无法在这些数据上建立神经网络：%2</translation>
    </message>
    <message>
        <source>This network cannot be built: %1</source>
        <translation>无法建立这个神经网络：%1</translation>
    </message>
    <message>
        <source>α %1 · hidden %2</source>
        <translation>α %1 · 隐藏层 %2</translation>
    </message>
    <message numerus="yes">
        <source> · kept network (%n sample(s) trained before)</source>
        <translation>
            <numerusform> · 保留的网络（之前已训练 %n 个样本）</numerusform>
        </translation>
    </message>
    <message>
        <source> · branch at sample %1</source>
        <translation> · 从样本 %1 处分支</translation>
    </message>
</context>
<context>
    <name>bps::WeightAtlas</name>
    <message>
        <source>No network yet.</source>
        <translation>还没有网络。</translation>
    </message>
    <message>
        <source>The run has no checkpoint yet: train a little first.</source>
        <translation>这次运行还没有检查点：先训练一会儿。</translation>
    </message>
    <message>
        <source>The two networks have different shapes.</source>
        <translation>两个网络的形状不同。</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>pixel (row %1, column %2)</source>
        <translation>像素（第 %1 行，第 %2 列）</translation>
    </message>
    <message>
        <source>%1 neuron %2</source>
        <translation>%1神经元 %2</translation>
    </message>
    <message>
        <source>weight from %1 into %2 neuron %3: w = %4</source>
        <translation>从%1连到%2神经元 %3 的权重：w = %4</translation>
    </message>
    <message>
        <source>change of the weight from %1 into %2 neuron %3: Δw = %4</source>
        <translation>从%1连到%2神经元 %3 的权重的变化：Δw = %4</translation>
    </message>
    <message>
        <source>its bias weight: w = %1</source>
        <translation>它的偏置权重：w = %1</translation>
    </message>
    <message>
        <source>its bias weight: Δw = %1</source>
        <translation>它的偏置权重：Δw = %1</translation>
    </message>
    <message>
        <source>w &lt; 0</source>
        <translation>w &lt; 0</translation>
    </message>
    <message>
        <source>Δw &lt; 0: fell</source>
        <translation>Δw &lt; 0：减小</translation>
    </message>
    <message>
        <source>w &gt; 0</source>
        <translation>w &gt; 0</translation>
    </message>
    <message>
        <source>Δw &gt; 0: grew</source>
        <translation>Δw &gt; 0：增大</translation>
    </message>
    <message>
        <source>each tile from −max|w| to +max|w| of its own weights</source>
        <translation>每个小图各按自身权重的 −max|w| 到 +max|w| 着色</translation>
    </message>
    <message>
        <source>each tile from −max|Δw| to +max|Δw| of its own</source>
        <translation>每个小图各按自身的 −max|Δw| 到 +max|Δw| 着色</translation>
    </message>
    <message>
        <source>all tiles from %1 to %2</source>
        <translation>所有小图从 %1 到 %2</translation>
    </message>
    <message>
        <source>No weight changed between these two.</source>
        <translation>这两者之间没有任何权重变化。</translation>
    </message>
    <message>
        <source>W%1 (%2 ← %3, %4×%5): mean |Δw| %6</source>
        <translation>W%1（%2 ← %3，%4×%5）：平均 |Δw| %6</translation>
    </message>
    <message>
        <source>largest |Δw| %1 (%2 → %3) into %4 neuron %5 from %6</source>
        <translation>最大 |Δw| %1（%2 → %3），从%6连到%4神经元 %5</translation>
    </message>
    <message numerus="yes">
        <source>%Ln weight(s) changed</source>
        <translation>
            <numerusform>%Ln 个权重有变化</numerusform>
        </translation>
    </message>
    <message>
        <source>the network shown</source>
        <translation>当前显示的网络</translation>
    </message>
    <message>
        <source>the run&apos;s start (sample %1)</source>
        <translation>运行开始时（样本 %1）</translation>
    </message>
    <message>
        <source>checkpoint at sample %1</source>
        <translation>样本 %1 处的检查点</translation>
    </message>
    <message>
        <source>Weight atlas</source>
        <translation>权重图集</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>What changed (ΔW)</source>
        <translation>变化了什么（ΔW）</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;One scale for all tiles</source>
        <translation>所有小图用同一色标(&amp;O)</translation>
    </message>
    <message>
        <source>Colour every tile on one scale, so tiles compare; otherwise each tile is scaled to its own largest |value|, as the network view&apos;s heat map is</source>
        <translation>所有小图使用同一色标，便于相互比较；否则每个小图按自己的最大 |值| 着色，与网络视图中的热图相同</translation>
    </message>
    <message>
        <source>Incoming weights of each of the %1 %2 neurons (rows of W%3) as %4×%5 tiles, at sample %6. Hover for values, click to select.</source>
        <translation>%1 个%2神经元各自的输入权重（W%3 的各行），每个画成 %4×%5 的小图，样本 %6。悬停查看数值，单击选中。</translation>
    </message>
    <message>
        <source>Be&amp;fore</source>
        <translation>之前(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;After</source>
        <translation>之后(&amp;A)</translation>
    </message>
    <message>
        <source>ΔW = W(after) − W(before): the earlier moment of the run</source>
        <translation>ΔW = W(之后) − W(之前)：运行中较早的时刻</translation>
    </message>
    <message>
        <source>ΔW = W(after) − W(before): the later moment, or the network shown</source>
        <translation>ΔW = W(之后) − W(之前)：较晚的时刻，或当前显示的网络</translation>
    </message>
    <message>
        <source>How the incoming weights of each of the %1 %2 neurons changed (ΔW%3) from sample %6 to sample %7, as %4×%5 tiles. Hover for values, click to select.</source>
        <translation>%1 个%2神经元各自的输入权重从样本 %6 到样本 %7 的变化（ΔW%3），每个画成 %4×%5 的小图。悬停查看数值，单击选中。</translation>
    </message>
</context>
<context>
    <name>bps::WeightPicker</name>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>%1 → %2 (W%3)</source>
        <translation>%1 → %2（W%3）</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>W%1</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>from node</source>
        <translation>从节点</translation>
    </message>
    <message>
        <source>to node</source>
        <translation>到节点</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>The weight matrix: W0 is input → hidden</source>
        <translation>权重矩阵：W0 是输入层 → 隐藏层</translation>
    </message>
    <message>
        <source>The layer of the node</source>
        <translation>节点所在的层</translation>
    </message>
    <message>
        <source>The node the weight comes from, in the %1 layer (%2 … %3; the last is the bias)</source>
        <translation>权重出发的节点，在%1中（%2 … %3；最后一个是偏置）</translation>
    </message>
    <message>
        <source>The node the weight comes from, in the %1 layer (%2 … %3)</source>
        <translation>权重出发的节点，在%1中（%2 … %3）</translation>
    </message>
    <message>
        <source>The node the weight feeds, in the %1 layer (%2 … %3)</source>
        <translation>权重连到的节点，在%1中（%2 … %3）</translation>
    </message>
    <message>
        <source>The node, in the %1 layer (%2 … %3)</source>
        <translation>节点，在%1中（%2 … %3）</translation>
    </message>
</context>
<context>
    <name>bps::lessons::ConfusionMatrixView</name>
    <message>
        <source>the network&apos;s answer →</source>
        <translation>网络的回答 →</translation>
    </message>
    <message>
        <source>← the true label</source>
        <translation>← 真实标签</translation>
    </message>
</context>
<context>
    <name>bps::lessons::DrawCanvas</name>
    <message>
        <source>Draw a digit here with the mouse, as large as the paper: 0 to 9</source>
        <translation>用鼠标在这里写一个数字（0 到 9），写满整张纸</translation>
    </message>
</context>
<context>
    <name>bps::lessons::SweepPlot</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>test accuracy after training</source>
        <translation>训练后的测试准确率</translation>
    </message>
    <message>
        <source>learning rate α (logarithmic: each tenfold the same width)</source>
        <translation>学习率 α（对数刻度：每十倍宽度相同）</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>See a neural network learn, the way Make Your Own Neural Network teaches it.</source>
        <translation>看着神经网络学习，正如《Make Your Own Neural Network》（《自己动手用Python编写神经网络》）所讲的那样。</translation>
    </message>
    <message>
        <source>Test set.</source>
        <translation>测试集。</translation>
    </message>
    <message>
        <source>Hidden layer sizes, e.g. 200 or 200,50.</source>
        <translation>隐藏层大小，例如 200 或 200,50。</translation>
    </message>
    <message>
        <source>Learning rate.</source>
        <translation>学习率。</translation>
    </message>
    <message>
        <source>Epochs Play runs.</source>
        <translation>按“运行”后训练的轮次。</translation>
    </message>
    <message>
        <source>Seed of the weights.</source>
        <translation>权重的种子。</translation>
    </message>
    <message>
        <source>Play at full speed as soon as the data is loaded.</source>
        <translation>数据载入后立即全速运行。</translation>
    </message>
    <message>
        <source>Close the window when Play stops.</source>
        <translation>运行停止时关闭窗口。</translation>
    </message>
    <message>
        <source>A session (.bps), a model (.bpm) or a training set (MNIST CSV, CSV.gz or IDX), recognised by its content; default: the built-in 5,000-sample MNIST subset.</source>
        <translation>会话（.bps）、模型（.bpm）或训练集（MNIST CSV、CSV.gz 或 IDX），按文件内容识别；默认：内置的 5,000 个样本的 MNIST 子集。</translation>
    </message>
    <message>
        <source>Backprop Studio</source>
        <translation>Backprop Studio</translation>
    </message>
    <message>
        <source>Host a class on this port (Class &gt; Host a class).</source>
        <translation>在此端口上主持课堂（课堂 &gt; 主持课堂）。</translation>
    </message>
    <message>
        <source>Join the class at this address:port (Class &gt; Join a class).</source>
        <translation>加入位于此 地址:端口 的课堂（课堂 &gt; 加入课堂）。</translation>
    </message>
    <message>
        <source>The class&apos;s join code (with --host-class or --join-class).</source>
        <translation>课堂的加入码（与 --host-class 或 --join-class 一起使用）。</translation>
    </message>
    <message>
        <source>Your name in the class (with --join-class).</source>
        <translation>你在课堂中的名字（与 --join-class 一起使用）。</translation>
    </message>
    <message>
        <source>Write every epoch result the hosted class sends to this CSV file.</source>
        <translation>把所主持课堂发来的每个轮次结果写入此 CSV 文件。</translation>
    </message>
</context>
</TS>
