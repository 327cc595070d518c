<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>handalign::FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>The current sample</source>
        <translation>当前样本</translation>
    </message>
    <message>
        <source>The worst samples</source>
        <translation>最差的样本</translation>
    </message>
    <message>
        <source>Column (3.33 in)</source>
        <translation>单栏（3.33 英寸）</translation>
    </message>
    <message>
        <source>Text width (6.9 in)</source>
        <translation>通栏（6.9 英寸）</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>figure.png, .svg or .pdf</source>
        <translation>figure.png、.svg 或 .pdf</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>样本：</translation>
    </message>
    <message>
        <source>By the metric of:</source>
        <translation>按以下预测的指标：</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>handalign::FigureGrid</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>GT</source>
        <translation>真值</translation>
    </message>
    <message>
        <source>3D view</source>
        <translation>三维视图</translation>
    </message>
    <message>
        <source>mIoU %1</source>
        <translation>mIoU %1</translation>
    </message>
    <message>
        <source>HD95 %1</source>
        <translation>HD95 %1</translation>
    </message>
</context>
<context>
    <name>handalign::MainWindow</name>
    <message>
        <source>pixel (%1, %2)  GT %3  rough %4  refined %5  boundary distance %6 px</source>
        <translation>像素 (%1, %2)  真值 %3  粗略 %4  精修 %5  边界距离 %6 像素</translation>
    </message>
    <message>
        <source>Open a dataset (Ctrl+O) or drop its folder here</source>
        <translation>打开数据集（Ctrl+O），或将其文件夹拖放到此处</translation>
    </message>
    <message>
        <source>Open a dataset first</source>
        <translation>请先打开数据集</translation>
    </message>
    <message>
        <source>Evaluation cancelled</source>
        <translation>评估已取消</translation>
    </message>
    <message>
        <source>Opening the dataset…</source>
        <translation>正在打开数据集…</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 个样本</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <source>HandAlign Studio</source>
        <translation>HandAlign Studio</translation>
    </message>
    <message>
        <source>About HandAlign Studio</source>
        <translation>关于 HandAlign Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;HandAlign Studio&lt;/b&gt; %1&lt;br&gt;Hand- and finger-level alignment of 3D hand meshes: mIoU, HD95 and FreiHAND&apos;s 3D metrics, sample by sample.</source>
        <translation>&lt;b&gt;HandAlign Studio&lt;/b&gt; %1&lt;br&gt;三维手部网格在手部和手指层面的对齐评估：逐样本计算 mIoU、HD95 以及 FreiHAND 的三维指标。</translation>
    </message>
    <message>
        <source>HandAlign Studio — %1</source>
        <translation>HandAlign Studio — %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a dataset folder with its prediction files (Ctrl+O)</source>
        <translation>打开数据集文件夹及其预测文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Re-evaluate</source>
        <translation>重新评估(&amp;E)</translation>
    </message>
    <message>
        <source>Evaluate the predictions again, ignoring results stored in the project (F5)</source>
        <translation>忽略项目中已保存的结果，重新评估预测（F5）</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language, palette and evaluation defaults (Ctrl+,)</source>
        <translation>语言、配色和评估默认值（Ctrl+,）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit HandAlign Studio (Ctrl+Q)</source>
        <translation>退出 HandAlign Studio（Ctrl+Q）</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next sample</source>
        <translation>下一个样本(&amp;N)</translation>
    </message>
    <message>
        <source>Next sample in the browser&apos;s order (D)</source>
        <translation>按浏览器中的顺序转到下一个样本（D）</translation>
    </message>
    <message>
        <source>&amp;Previous sample</source>
        <translation>上一个样本(&amp;P)</translation>
    </message>
    <message>
        <source>Previous sample in the browser&apos;s order (A)</source>
        <translation>按浏览器中的顺序转到上一个样本（A）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Ground-truth mask</source>
        <translation>真值掩码</translation>
    </message>
    <message>
        <source>Rough mesh M_r</source>
        <translation>粗略网格 M_r</translation>
    </message>
    <message>
        <source>Refined mesh M_f</source>
        <translation>精修网格 M_f</translation>
    </message>
    <message>
        <source>Difference (FP / FN)</source>
        <translation>差异（假阳性 / 假阴性）</translation>
    </message>
    <message>
        <source>HD95 boundary distances</source>
        <translation>HD95 边界距离</translation>
    </message>
    <message>
        <source>Show or hide the overlay: %1 (Alt+%2)</source>
        <translation>显示或隐藏叠加层：%1（Alt+%2）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About HandAlign Studio</source>
        <translation>关于 HandAlign Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>3D view</source>
        <translation>三维视图</translation>
    </message>
    <message>
        <source>Filter, e.g.  finger_hd95 &gt; 8   or   refined worse than rough</source>
        <translation>筛选，例如  finger_hd95 &gt; 8   或   refined worse than rough</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the evaluation</source>
        <translation>取消评估</translation>
    </message>
    <message>
        <source>Removed from the recent datasets, the folder no longer exists: %1</source>
        <translation>文件夹已不存在，已从最近的数据集中移除：%1</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>Predictions: %1</source>
        <translation>预测：%1</translation>
    </message>
    <message>
        <source>No recent datasets</source>
        <translation>没有最近的数据集</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Preferences saved</source>
        <translation>首选项已保存</translation>
    </message>
    <message>
        <source>No prediction files found in %1</source>
        <translation>在 %1 中未找到预测文件</translation>
    </message>
    <message>
        <source>Open and evaluate a dataset first</source>
        <translation>请先打开并评估一个数据集</translation>
    </message>
    <message>
        <source>A figure file must end in .png, .svg or .pdf: %1</source>
        <translation>图表文件的扩展名必须是 .png、.svg 或 .pdf：%1</translation>
    </message>
    <message>
        <source>No sample to draw</source>
        <translation>没有可绘制的样本</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 rows) and %3</source>
        <translation>已写入 %1（%2 行）和 %3</translation>
    </message>
    <message>
        <source>Cannot export the figure: %1</source>
        <translation>无法导出图表：%1</translation>
    </message>
    <message>
        <source>No sample &quot;%1&quot; in the dataset</source>
        <translation>数据集中没有样本“%1”</translation>
    </message>
    <message>
        <source>The filter was cleared to show sample %1</source>
        <translation>已清除筛选条件以显示样本 %1</translation>
    </message>
    <message>
        <source>Jump to Sample</source>
        <translation>跳转到样本</translation>
    </message>
    <message>
        <source>Sample id or index:</source>
        <translation>样本 ID 或序号：</translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation>导出图表(&amp;F)…</translation>
    </message>
    <message>
        <source>Export a comparison figure of the current or the worst samples as PNG, SVG or PDF (Ctrl+E)</source>
        <translation>将当前样本或最差样本的对比图导出为 PNG、SVG 或 PDF（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Jump to Sample…</source>
        <translation>跳转到样本(&amp;J)…</translation>
    </message>
    <message>
        <source>Select a sample by its id or index (Ctrl+G)</source>
        <translation>按 ID 或序号选择样本（Ctrl+G）</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Stored results: the histograms are shown; the PCK curves need a re-evaluation (F5).</source>
        <translation>已存储的结果：显示直方图；PCK 曲线需要重新评估（F5）。</translation>
    </message>
    <message>
        <source>Export &amp;Tables…</source>
        <translation>导出表格(&amp;T)…</translation>
    </message>
    <message>
        <source>Write the paper&apos;s tables of the runs shown as CSV, Markdown and LaTeX into a folder (Ctrl+Shift+E)</source>
        <translation>将所显示运行的论文表格以 CSV、Markdown 和 LaTeX 格式写入文件夹（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation>叠加层</translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation>文件夹不存在：%1</translation>
    </message>
    <message>
        <source>Cannot export the tables: %1</source>
        <translation>无法导出表格：%1</translation>
    </message>
    <message>
        <source>Wrote table.csv, table.md and table.tex to %1</source>
        <translation>已将 table.csv、table.md 和 table.tex 写入 %1</translation>
    </message>
    <message>
        <source>Export Tables to Folder</source>
        <translation>导出表格到文件夹</translation>
    </message>
</context>
<context>
    <name>handalign::MetricsPanel</name>
    <message>
        <source>No sample selected</source>
        <translation>未选择样本</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>样本 %1</translation>
    </message>
</context>
<context>
    <name>handalign::OpenDatasetDialog</name>
    <message>
        <source>Open Dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>&amp;Dataset folder:</source>
        <translation>数据集文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Hand model:</source>
        <translation>手部模型(&amp;H)：</translation>
    </message>
    <message>
        <source>Predictions:</source>
        <translation>预测：</translation>
    </message>
    <message>
        <source>Optional: the dataset&apos;s own hand model</source>
        <translation>可选：默认使用数据集自带的手部模型</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Each prediction file is evaluated under its name; names containing &quot;rough&quot; and &quot;refined&quot; are compared with each other.</source>
        <translation>每个预测文件以其名称进行评估；名称中含有 &quot;rough&quot; 和 &quot;refined&quot; 的预测会相互比较。</translation>
    </message>
    <message>
        <source>Choose the dataset folder</source>
        <translation>选择数据集文件夹</translation>
    </message>
    <message>
        <source>Choose the hand model</source>
        <translation>选择手部模型</translation>
    </message>
    <message>
        <source>Hand models (*.json);;All files (*)</source>
        <translation>手部模型 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose prediction files</source>
        <translation>选择预测文件</translation>
    </message>
    <message>
        <source>Predictions (*.json);;All files (*)</source>
        <translation>预测 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>handalign::OverlayPanel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <source>Rough M_r</source>
        <translation>粗略 M_r</translation>
    </message>
    <message>
        <source>Refined M_f</source>
        <translation>精修 M_f</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>HD95 heat map</source>
        <translation>HD95 热力图</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Show or hide the overlay (Alt+%1)</source>
        <translation>显示或隐藏叠加层（Alt+%1）</translation>
    </message>
    <message>
        <source>Opacity of the overlay: %1</source>
        <translation>叠加层的不透明度：%1</translation>
    </message>
    <message>
        <source>Contour only</source>
        <translation>仅轮廓</translation>
    </message>
    <message>
        <source>Draw only the outline of each part</source>
        <translation>只绘制每个部位的轮廓</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <source>By part</source>
        <translation>按部位</translation>
    </message>
    <message>
        <source>Single colour per layer</source>
        <translation>每层单一颜色</translation>
    </message>
    <message>
        <source>Colour the label overlays by part (palm, thumb, … pinky) or one colour per layer</source>
        <translation>按部位（手掌、拇指……小指）为标签叠加层着色，或每层使用一种颜色</translation>
    </message>
</context>
<context>
    <name>handalign::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>Evaluation defaults</source>
        <translation>评估默认值</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Palette:</source>
        <translation>配色(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程数(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>All cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>Worker threads for evaluations started from now on</source>
        <translation>此后启动的评估所用的工作线程数</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Silhouette resolution of the alignment metrics; the paper uses 224 × 224</source>
        <translation>对齐指标所用的轮廓分辨率；论文使用 224 × 224</translation>
    </message>
</context>
<context>
    <name>handalign::RunChartsView</name>
    <message>
        <source>mm</source>
        <translation>毫米</translation>
    </message>
    <message>
        <source>px</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Joints</source>
        <translation>关节</translation>
    </message>
    <message>
        <source>Joints, Procrustes-aligned</source>
        <translation>关节（Procrustes 对齐后）</translation>
    </message>
    <message>
        <source>Vertices</source>
        <translation>顶点</translation>
    </message>
    <message>
        <source>Vertices, Procrustes-aligned</source>
        <translation>顶点（Procrustes 对齐后）</translation>
    </message>
    <message>
        <source>PCK curve:</source>
        <translation>PCK 曲线：</translation>
    </message>
    <message>
        <source>Histogram of:</source>
        <translation>直方图：</translation>
    </message>
    <message>
        <source>PCK — %1</source>
        <translation>PCK — %1</translation>
    </message>
    <message>
        <source>threshold (mm)</source>
        <translation>阈值（毫米）</translation>
    </message>
    <message>
        <source>PCK</source>
        <translation>PCK</translation>
    </message>
    <message>
        <source>%1 (AUC %2)</source>
        <translation>%1（AUC %2）</translation>
    </message>
    <message>
        <source>Histogram — %1</source>
        <translation>直方图 — %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>%1 (n = %2, mean %3)</source>
        <translation>%1（n = %2，均值 %3）</translation>
    </message>
    <message>
        <source>%1 (no finite values)</source>
        <translation>%1（无有限值）</translation>
    </message>
</context>
<context>
    <name>handalign::SampleMetricsTable</name>
    <message>
        <source>Hand IoU</source>
        <translation>手部 IoU</translation>
    </message>
    <message>
        <source>Palm IoU</source>
        <translation>手掌 IoU</translation>
    </message>
    <message>
        <source>Thumb IoU</source>
        <translation>拇指 IoU</translation>
    </message>
    <message>
        <source>Index IoU</source>
        <translation>食指 IoU</translation>
    </message>
    <message>
        <source>Middle IoU</source>
        <translation>中指 IoU</translation>
    </message>
    <message>
        <source>Ring IoU</source>
        <translation>无名指 IoU</translation>
    </message>
    <message>
        <source>Pinky IoU</source>
        <translation>小指 IoU</translation>
    </message>
    <message>
        <source>Hand mIoU</source>
        <translation>手部 mIoU</translation>
    </message>
    <message>
        <source>Finger mIoU</source>
        <translation>手指 mIoU</translation>
    </message>
    <message>
        <source>Finger mIoU (parts only)</source>
        <translation>手指 mIoU（仅各部位）</translation>
    </message>
    <message>
        <source>Hand HD95</source>
        <translation>手部 HD95</translation>
    </message>
    <message>
        <source>Palm HD95</source>
        <translation>手掌 HD95</translation>
    </message>
    <message>
        <source>Thumb HD95</source>
        <translation>拇指 HD95</translation>
    </message>
    <message>
        <source>Index HD95</source>
        <translation>食指 HD95</translation>
    </message>
    <message>
        <source>Middle HD95</source>
        <translation>中指 HD95</translation>
    </message>
    <message>
        <source>Ring HD95</source>
        <translation>无名指 HD95</translation>
    </message>
    <message>
        <source>Pinky HD95</source>
        <translation>小指 HD95</translation>
    </message>
    <message>
        <source>Finger HD95</source>
        <translation>手指 HD95</translation>
    </message>
    <message>
        <source>MPJPE</source>
        <translation>MPJPE</translation>
    </message>
    <message>
        <source>PA-MPJPE</source>
        <translation>PA-MPJPE</translation>
    </message>
    <message>
        <source>MPVPE</source>
        <translation>MPVPE</translation>
    </message>
    <message>
        <source>PA-MPVPE</source>
        <translation>PA-MPVPE</translation>
    </message>
    <message>
        <source>F@5 mm</source>
        <translation>F@5 毫米</translation>
    </message>
    <message>
        <source>F@15 mm</source>
        <translation>F@15 毫米</translation>
    </message>
    <message>
        <source>PA-F@5 mm</source>
        <translation>PA-F@5 毫米</translation>
    </message>
    <message>
        <source>PA-F@15 mm</source>
        <translation>PA-F@15 毫米</translation>
    </message>
    <message>
        <source>%1%2 pp</source>
        <translation>%1%2 个百分点</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1%2 px</source>
        <translation>%1%2 像素</translation>
    </message>
    <message>
        <source>%1%2 mm</source>
        <translation>%1%2 毫米</translation>
    </message>
    <message>
        <source>Δ %1 − %2</source>
        <translation>Δ %1 − %2</translation>
    </message>
    <message>
        <source>%1 is better than %2</source>
        <translation>%1 优于 %2</translation>
    </message>
    <message>
        <source>%1 is worse than %2</source>
        <translation>%1 劣于 %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hand- and finger-level alignment of 3D hand meshes, sample by sample.</source>
        <translation>逐样本评估三维手部网格在手部和手指层面的对齐。</translation>
    </message>
    <message>
        <source>Dataset folder to open.</source>
        <translation>要打开的数据集文件夹。</translation>
    </message>
    <message>
        <source>Prediction file, NAME=FILE (repeatable).</source>
        <translation>预测文件，格式为 NAME=FILE（可重复）。</translation>
    </message>
    <message>
        <source>Sample id to show first.</source>
        <translation>首先显示的样本编号。</translation>
    </message>
    <message>
        <source>Hand model file (default: the dataset&apos;s hand_model.json).</source>
        <translation>手部模型文件（默认：数据集的 hand_model.json）。</translation>
    </message>
    <message>
        <source>--pred must be NAME=FILE (got &quot;%1&quot;)</source>
        <translation>--pred 的格式必须为 NAME=FILE（收到的是 &quot;%1&quot;）</translation>
    </message>
</context>
</TS>
