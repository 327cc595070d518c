<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
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
        <source>The documentation is not installed</source>
        <translation>未安装文档</translation>
    </message>
    <message>
        <source>No program opens %1</source>
        <translation>没有可打开 %1 的程序</translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <source>Hand IoU</source>
        <translation>手部 IoU</translation>
    </message>
    <message>
        <source>IoU of the hand silhouette against the GT mask</source>
        <translation>手部轮廓相对于真值掩码的 IoU</translation>
    </message>
    <message>
        <source>Hand mIoU</source>
        <translation>手部 mIoU</translation>
    </message>
    <message>
        <source>mean of background and hand IoU (the paper&apos;s hand level)</source>
        <translation>背景 IoU 与手部 IoU 的均值（论文中的手部层面）</translation>
    </message>
    <message>
        <source>Hand HD95</source>
        <translation>手部 HD95</translation>
    </message>
    <message>
        <source>95 % Hausdorff distance between hand boundaries</source>
        <translation>手部边界之间的 95 % Hausdorff 距离</translation>
    </message>
    <message>
        <source>Finger mIoU</source>
        <translation>手指 mIoU</translation>
    </message>
    <message>
        <source>mean IoU of background and the six parts (the paper&apos;s finger level)</source>
        <translation>背景与六个部位 IoU 的均值（论文中的手指层面）</translation>
    </message>
    <message>
        <source>Finger mIoU (parts)</source>
        <translation>手指 mIoU（仅部位）</translation>
    </message>
    <message>
        <source>mean IoU of the six parts, background left out</source>
        <translation>六个部位 IoU 的均值，不含背景</translation>
    </message>
    <message>
        <source>Finger HD95</source>
        <translation>手指 HD95</translation>
    </message>
    <message>
        <source>mean over parts of each part&apos;s 95 % Hausdorff distance</source>
        <translation>各部位 95 % Hausdorff 距离的均值</translation>
    </message>
    <message>
        <source>Palm IoU</source>
        <translation>手掌 IoU</translation>
    </message>
    <message>
        <source>Palm HD95</source>
        <translation>手掌 HD95</translation>
    </message>
    <message>
        <source>Thumb IoU</source>
        <translation>拇指 IoU</translation>
    </message>
    <message>
        <source>Thumb HD95</source>
        <translation>拇指 HD95</translation>
    </message>
    <message>
        <source>Index IoU</source>
        <translation>食指 IoU</translation>
    </message>
    <message>
        <source>Index HD95</source>
        <translation>食指 HD95</translation>
    </message>
    <message>
        <source>Middle IoU</source>
        <translation>中指 IoU</translation>
    </message>
    <message>
        <source>Middle HD95</source>
        <translation>中指 HD95</translation>
    </message>
    <message>
        <source>Ring IoU</source>
        <translation>无名指 IoU</translation>
    </message>
    <message>
        <source>Ring HD95</source>
        <translation>无名指 HD95</translation>
    </message>
    <message>
        <source>Pinky IoU</source>
        <translation>小指 IoU</translation>
    </message>
    <message>
        <source>Pinky HD95</source>
        <translation>小指 HD95</translation>
    </message>
    <message>
        <source>IoU of one part&apos;s region</source>
        <translation>单个部位区域的 IoU</translation>
    </message>
    <message>
        <source>95 % Hausdorff distance of one part&apos;s boundary</source>
        <translation>单个部位边界的 95 % Hausdorff 距离</translation>
    </message>
    <message>
        <source>MPJPE</source>
        <translation>MPJPE</translation>
    </message>
    <message>
        <source>mean joint error</source>
        <translation>平均关节误差</translation>
    </message>
    <message>
        <source>PA-MPJPE</source>
        <translation>PA-MPJPE</translation>
    </message>
    <message>
        <source>mean joint error after Procrustes with scale (FreiHAND)</source>
        <translation>经带尺度的 Procrustes 对齐后的平均关节误差（FreiHAND）</translation>
    </message>
    <message>
        <source>MPVPE</source>
        <translation>MPVPE</translation>
    </message>
    <message>
        <source>mean vertex error</source>
        <translation>平均顶点误差</translation>
    </message>
    <message>
        <source>PA-MPVPE</source>
        <translation>PA-MPVPE</translation>
    </message>
    <message>
        <source>mean vertex error after Procrustes with scale (FreiHAND)</source>
        <translation>经带尺度的 Procrustes 对齐后的平均顶点误差（FreiHAND）</translation>
    </message>
    <message>
        <source>F@5mm</source>
        <translation>F@5mm</translation>
    </message>
    <message>
        <source>F-score of the vertices at 5 mm</source>
        <translation>顶点在 5 毫米阈值下的 F 分数</translation>
    </message>
    <message>
        <source>F@15mm</source>
        <translation>F@15mm</translation>
    </message>
    <message>
        <source>F-score of the vertices at 15 mm</source>
        <translation>顶点在 15 毫米阈值下的 F 分数</translation>
    </message>
    <message>
        <source>PA-F@5mm</source>
        <translation>PA-F@5mm</translation>
    </message>
    <message>
        <source>F-score at 5 mm after Procrustes with scale</source>
        <translation>经带尺度的 Procrustes 对齐后在 5 毫米阈值下的 F 分数</translation>
    </message>
    <message>
        <source>PA-F@15mm</source>
        <translation>PA-F@15mm</translation>
    </message>
    <message>
        <source>F-score at 15 mm after Procrustes with scale</source>
        <translation>经带尺度的 Procrustes 对齐后在 15 毫米阈值下的 F 分数</translation>
    </message>
    <message>
        <source>AUC-J</source>
        <translation>AUC-J</translation>
    </message>
    <message>
        <source>area under the joints&apos; PCK curve, 0 to 50 mm</source>
        <translation>关节 PCK 曲线下的面积（0 至 50 毫米）</translation>
    </message>
    <message>
        <source>PA-AUC-J</source>
        <translation>PA-AUC-J</translation>
    </message>
    <message>
        <source>area under the joints&apos; PCK curve after Procrustes</source>
        <translation>Procrustes 对齐后关节 PCK 曲线下的面积</translation>
    </message>
    <message>
        <source>AUC-V</source>
        <translation>AUC-V</translation>
    </message>
    <message>
        <source>area under the vertices&apos; PCK curve, 0 to 50 mm</source>
        <translation>顶点 PCK 曲线下的面积（0 至 50 毫米）</translation>
    </message>
    <message>
        <source>PA-AUC-V</source>
        <translation>PA-AUC-V</translation>
    </message>
    <message>
        <source>area under the vertices&apos; PCK curve after Procrustes</source>
        <translation>Procrustes 对齐后顶点 PCK 曲线下的面积</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <source>Ground-truth mask</source>
        <translation>真值掩码</translation>
    </message>
    <message>
        <source>Reference method</source>
        <translation>参照方法</translation>
    </message>
    <message>
        <source>Method shown</source>
        <translation>显示的方法</translation>
    </message>
    <message>
        <source>Difference (FP / FN)</source>
        <translation>差异（假阳性 / 假阴性）</translation>
    </message>
    <message>
        <source>HD95 heat map</source>
        <translation>HD95 热力图</translation>
    </message>
    <message>
        <source>All methods (contours)</source>
        <translation>所有方法（轮廓）</translation>
    </message>
</context>
<context>
    <name>RecentDatasets</name>
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
</context>
<context>
    <name>handalign::AnnotationController</name>
    <message>
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit Mask</source>
        <translation>编辑掩码(&amp;E)</translation>
    </message>
    <message>
        <source>Correct the hand and finger masks of the current sample (Ctrl+B); tools 1–6, Esc</source>
        <translation>修正当前样本的手部和手指掩码（Ctrl+B）；工具 1–6，Esc 退出工具</translation>
    </message>
    <message>
        <source>&amp;Save Mask</source>
        <translation>保存掩码(&amp;S)</translation>
    </message>
    <message>
        <source>Save the corrected mask of the current sample (Ctrl+S)</source>
        <translation>保存当前样本修正后的掩码（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save and &amp;Next</source>
        <translation>保存并转到下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Save the mask, mark the sample accepted and go to the next one (Ctrl+Enter)</source>
        <translation>保存掩码，将样本标记为已接受并转到下一个样本（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Revert to Original Mask</source>
        <translation>恢复为原始掩码(&amp;R)</translation>
    </message>
    <message>
        <source>Drop the correction and unsaved strokes: the dataset&apos;s mask counts again (journaled, can be rolled back)</source>
        <translation>丢弃修正和未保存的笔画：重新以数据集的掩码为准（记入日志，可回滚）</translation>
    </message>
    <message>
        <source>Show &amp;Original Mask</source>
        <translation>显示原始掩码(&amp;O)</translation>
    </message>
    <message>
        <source>Show and score the dataset&apos;s mask instead of the correction (Ctrl+T)</source>
        <translation>显示数据集的掩码并据此评分，而非修正后的掩码（Ctrl+T）</translation>
    </message>
    <message>
        <source>Review &amp;State</source>
        <translation>审阅状态(&amp;S)</translation>
    </message>
    <message>
        <source>To Do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In Progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Needs Another Look</source>
        <translation>需要复查</translation>
    </message>
    <message>
        <source>Mark the current sample: %1 (Ctrl+Alt+%2)</source>
        <translation>将当前样本标记为：%1（Ctrl+Alt+%2）</translation>
    </message>
    <message>
        <source>Mask &amp;History…</source>
        <translation>掩码历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Every saved version of this sample&apos;s mask; roll back to any</source>
        <translation>此样本掩码的所有已保存版本；可回滚到其中任意一个</translation>
    </message>
    <message>
        <source>E&amp;xport Corrected Masks…</source>
        <translation>导出修正后的掩码(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the corrected masks in FreiHAND&apos;s layout (mask/%08d.png) and review.csv</source>
        <translation>按 FreiHAND 的目录结构（mask/%08d.png）写出修正后的掩码以及 review.csv</translation>
    </message>
    <message>
        <source>Mask editor</source>
        <translation>掩码编辑器</translation>
    </message>
    <message numerus="yes">
        <source>Finished %n mask save(s) interrupted last time</source>
        <translation>
            <numerusform>已完成上次中断的 %n 次掩码保存</numerusform>
        </translation>
    </message>
    <message>
        <source>The annotation folder holds files that are not usable corrections (left untouched):
%1</source>
        <translation>标注文件夹中有无法用作修正的文件（未作改动）：
%1</translation>
    </message>
    <message>
        <source>Open a dataset first</source>
        <translation>请先打开数据集</translation>
    </message>
    <message>
        <source>Saved the mask of sample %1</source>
        <translation>已保存样本 %1 的掩码</translation>
    </message>
    <message>
        <source>Cannot save the mask: %1</source>
        <translation>无法保存掩码：%1</translation>
    </message>
    <message>
        <source>This sample has no correction</source>
        <translation>此样本没有修正</translation>
    </message>
    <message>
        <source>Back to the dataset&apos;s mask (Mask History rolls this back)</source>
        <translation>已恢复为数据集的掩码（可在“掩码历史”中回滚）</translation>
    </message>
    <message>
        <source>Unsaved strokes dropped: back to the dataset&apos;s mask</source>
        <translation>已丢弃未保存的笔画：已恢复为数据集的掩码</translation>
    </message>
    <message>
        <source>Showing the dataset&apos;s original mask; editing is paused</source>
        <translation>正在显示数据集的原始掩码；编辑已暂停</translation>
    </message>
    <message>
        <source>Showing the corrected mask</source>
        <translation>正在显示修正后的掩码</translation>
    </message>
    <message>
        <source>Restored the version before change #%1</source>
        <translation>已恢复到更改 #%1 之前的版本</translation>
    </message>
    <message>
        <source>Export Corrected Masks Into an Empty Folder</source>
        <translation>将修正后的掩码导出到空文件夹</translation>
    </message>
    <message>
        <source>Exported %1 masks (%2 with parts) and review.csv to %3</source>
        <translation>已将 %1 个掩码（其中 %2 个含部位标签）和 review.csv 导出到 %3</translation>
    </message>
    <message>
        <source>Cannot export the masks: %1</source>
        <translation>无法导出掩码：%1</translation>
    </message>
    <message>
        <source>Interrupted saves that could not be finished safely (the masks on disk were kept):
%1</source>
        <translation>无法安全完成的中断保存（已保留磁盘上的掩码）：
%1</translation>
    </message>
    <message>
        <source>Cannot keep the unsaved strokes: %1</source>
        <translation>无法保留未保存的笔画：%1</translation>
    </message>
    <message>
        <source>Unsaved strokes (restored)</source>
        <translation>未保存的笔画（已恢复）</translation>
    </message>
    <message>
        <source>Restored the unsaved strokes of sample %1 from the last session</source>
        <translation>已从上次会话恢复样本 %1 未保存的笔画</translation>
    </message>
    <message>
        <source>Ignored the unsaved strokes of sample %1: %2</source>
        <translation>已忽略样本 %1 未保存的笔画：%2</translation>
    </message>
    <message>
        <source>Start &amp;From</source>
        <translation>起始于(&amp;F)</translation>
    </message>
</context>
<context>
    <name>handalign::EditorToolBar</name>
    <message>
        <source>Mask Colour</source>
        <translation>掩码颜色</translation>
    </message>
    <message>
        <source>Mask Editing</source>
        <translation>掩码编辑</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>框选</translation>
    </message>
    <message>
        <source>GrabCut from a box instead of a rough stroke (Shift+drag draws a box too)</source>
        <translation>使用矩形框而非粗略涂抹进行 GrabCut（Shift+拖动也可绘制矩形框）</translation>
    </message>
    <message>
        <source>GT</source>
        <translation>真值</translation>
    </message>
    <message>
        <source>Hand</source>
        <translation>手部</translation>
    </message>
    <message>
        <source>Palm</source>
        <translation>手掌</translation>
    </message>
    <message>
        <source>Thumb</source>
        <translation>拇指</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>食指</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>中指</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>无名指</translation>
    </message>
    <message>
        <source>Pinky</source>
        <translation>小指</translation>
    </message>
    <message>
        <source>The label that the tools paint or erase</source>
        <translation>工具绘制或擦除的标签</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ], or Ctrl+wheel)</source>
        <translation>画笔直径，以图像像素为单位（[ 和 ]，或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Opacity of the mask being edited</source>
        <translation>正在编辑的掩码的不透明度</translation>
    </message>
    <message>
        <source>Colour of the hand in the mask being edited</source>
        <translation>正在编辑的掩码中手部的颜色</translation>
    </message>
    <message>
        <source>Reference method</source>
        <translation>参照方法</translation>
    </message>
    <message>
        <source>Shown method</source>
        <translation>显示的方法</translation>
    </message>
    <message>
        <source>Network segmentation</source>
        <translation>神经网络分割</translation>
    </message>
    <message>
        <source>The mesh whose silhouette the From-mesh tool takes, or the shown method&apos;s own segmentation output</source>
        <translation>“从网格生成”工具取其轮廓的网格，或显示的方法自身的分割输出</translation>
    </message>
    <message>
        <source>Undo: %1 (%2)</source>
        <translation>撤销：%1（%2）</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>handalign::ExportController</name>
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
        <source>Open a dataset first</source>
        <translation>请先打开数据集</translation>
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
    <name>handalign::ImageCanvas</name>
    <message>
        <source>palm</source>
        <translation>手掌</translation>
    </message>
    <message>
        <source>thumb</source>
        <translation>拇指</translation>
    </message>
    <message>
        <source>index</source>
        <translation>食指</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>中指</translation>
    </message>
    <message>
        <source>ring</source>
        <translation>无名指</translation>
    </message>
    <message>
        <source>pinky</source>
        <translation>小指</translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation>真值</translation>
    </message>
</context>
<context>
    <name>handalign::MainWindow</name>
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
        <source>%1 samples</source>
        <translation>%1 个样本</translation>
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
        <source>Removed from the recent datasets, the folder no longer exists: %1</source>
        <translation>文件夹已不存在，已从最近的数据集中移除：%1</translation>
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
        <source>Compare Stored &amp;Runs…</source>
        <translation>比较已存储的运行(&amp;C)…</translation>
    </message>
    <message>
        <source>Show runs evaluated earlier on this dataset side by side with the open ones (Ctrl+R)</source>
        <translation>将此数据集上先前评估过的运行与当前打开的运行并排显示（Ctrl+R）</translation>
    </message>
    <message>
        <source>These stored results have no PCK histograms (stored by an older version): the histograms are shown; the PCK curves need a re-evaluation (F5).</source>
        <translation>这些已存储的结果没有 PCK 直方图（由旧版本存储）：显示直方图；PCK 曲线需要重新评估（F5）。</translation>
    </message>
    <message>
        <source>Model run cancelled; nothing was kept</source>
        <translation>模型运行已取消；未保留任何结果</translation>
    </message>
    <message>
        <source>Preferences saved (F5 evaluates again under new conventions)</source>
        <translation>首选项已保存（按 F5 以新的约定重新评估）</translation>
    </message>
    <message>
        <source>Language, palette, evaluation conventions and defaults (Ctrl+,)</source>
        <translation>语言、配色、评估约定和默认值（Ctrl+,）</translation>
    </message>
    <message>
        <source>&amp;Fit Image</source>
        <translation>适应画布(&amp;F)</translation>
    </message>
    <message>
        <source>Fit the image into the canvas (F)</source>
        <translation>缩放图像以适应画布（F）</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>实际大小（1:1）(&amp;A)</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (Ctrl+0)</source>
        <translation>一个图像像素对应一个屏幕像素（Ctrl+0）</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>图例(&amp;L)</translation>
    </message>
    <message>
        <source>What the canvas colours mean: parts, or GT and the methods (L)</source>
        <translation>画布上各颜色的含义：各部位，或真值与各方法（L）</translation>
    </message>
    <message>
        <source>&amp;3D View</source>
        <translation>三维视图(&amp;3)</translation>
    </message>
    <message>
        <source>Colour by part</source>
        <translation>按部位着色</translation>
    </message>
    <message>
        <source>Colour by offset |ΔM|</source>
        <translation>按偏移 |ΔM| 着色</translation>
    </message>
    <message>
        <source>Colour by error vs GT</source>
        <translation>按相对真值的误差着色</translation>
    </message>
    <message>
        <source>GT mesh</source>
        <translation>真值网格</translation>
    </message>
    <message>
        <source>Reference mesh</source>
        <translation>参照网格</translation>
    </message>
    <message>
        <source>Shown mesh</source>
        <translation>显示的网格</translation>
    </message>
    <message>
        <source>Offsets ΔM</source>
        <translation>偏移 ΔM</translation>
    </message>
    <message>
        <source>Offset vectors from the reference to the shown mesh, where the shown method is declared the refinement of the reference</source>
        <translation>从参照网格指向显示网格的偏移向量（仅当显示的方法被声明为参照方法的精修结果时）</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>Open the local documentation (README and docs/)</source>
        <translation>打开本地文档（README 和 docs/）</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Import Evaluation</source>
        <translation>导入评估</translation>
    </message>
    <message>
        <source>Open the dataset the evaluation was computed on first.</source>
        <translation>请先打开该评估所用的数据集。</translation>
    </message>
    <message>
        <source>Import Evaluation (the folder holding per_sample.csv)</source>
        <translation>导入评估（包含 per_sample.csv 的文件夹）</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n run(s) from %1</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import Evaluation…</source>
        <translation>导入评估(&amp;I)…</translation>
    </message>
    <message>
        <source>Show an evaluation computed elsewhere (handalign eval, or a merged cluster run) beside the open runs, without evaluating again</source>
        <translation>将在别处计算的评估（handalign eval，或合并后的集群运行）显示在已打开的运行旁，无需重新评估</translation>
    </message>
</context>
<context>
    <name>handalign::MaskEditor</name>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>多边形</translation>
    </message>
    <message>
        <source>Flood fill</source>
        <translation>泛洪填充</translation>
    </message>
    <message>
        <source>GrabCut</source>
        <translation>GrabCut</translation>
    </message>
    <message>
        <source>From mesh</source>
        <translation>从网格生成</translation>
    </message>
    <message>
        <source>Paint the active label (right-drag erases; [ ] or Ctrl+wheel: size)</source>
        <translation>绘制当前标签（右键拖动为擦除；[ ] 或 Ctrl+滚轮：调整大小）</translation>
    </message>
    <message>
        <source>Erase the active label ([ ] or Ctrl+wheel: size)</source>
        <translation>擦除当前标签（[ ] 或 Ctrl+滚轮：调整大小）</translation>
    </message>
    <message>
        <source>Click the vertices, double-click or Enter to fill; right-click vertices to erase</source>
        <translation>单击放置顶点，双击或按 Enter 填充；右键单击放置顶点则为擦除</translation>
    </message>
    <message>
        <source>Fill the connected region under the click; right-click erases it</source>
        <translation>填充单击处的连通区域；右键单击则擦除该区域</translation>
    </message>
    <message>
        <source>Drag a rough stroke over the object (or a box, Shift+drag) and let GrabCut find it</source>
        <translation>在对象上粗略涂抹（或用 Shift+拖动绘制矩形框），由 GrabCut 找出该对象</translation>
    </message>
    <message>
        <source>Leave Tool</source>
        <translation>退出工具</translation>
    </message>
    <message>
        <source>Leave the editing tool (Esc)</source>
        <translation>退出编辑工具（Esc）</translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation>增大画笔</translation>
    </message>
    <message>
        <source>Larger brush (])</source>
        <translation>增大画笔（]）</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>减小画笔</translation>
    </message>
    <message>
        <source>Smaller brush ([)</source>
        <translation>减小画笔（[）</translation>
    </message>
    <message>
        <source>Protect</source>
        <translation>保护</translation>
    </message>
    <message>
        <source>Protect other labels: painting one label never changes pixels of another part</source>
        <translation>保护其他标签：绘制某一标签时不会改变其他部位的像素</translation>
    </message>
    <message>
        <source>From GT Mesh</source>
        <translation>从真值网格生成</translation>
    </message>
    <message>
        <source>Replace the active label with the mesh&apos;s rendered silhouette (undoable)</source>
        <translation>用该网格的渲染轮廓替换当前标签（可撤销）</translation>
    </message>
    <message>
        <source>Undo the last stroke (%1)</source>
        <translation>撤销上一笔（%1）</translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation>重做（%1）</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>Polygon erase</source>
        <translation>多边形擦除</translation>
    </message>
    <message>
        <source>Polygon fill</source>
        <translation>多边形填充</translation>
    </message>
    <message>
        <source>Flood erase</source>
        <translation>泛洪擦除</translation>
    </message>
    <message>
        <source>GrabCut erase</source>
        <translation>GrabCut 擦除</translation>
    </message>
    <message>
        <source>No rendered mesh to start from</source>
        <translation>没有可作为起点的渲染网格</translation>
    </message>
    <message>
        <source>From GT mesh</source>
        <translation>从真值网格生成</translation>
    </message>
    <message>
        <source>GrabCut needs the sample&apos;s image</source>
        <translation>GrabCut 需要样本的图像</translation>
    </message>
    <message>
        <source>GrabCut found nothing: %1</source>
        <translation>GrabCut 未找到任何内容：%1</translation>
    </message>
    <message>
        <source>From Reference Mesh</source>
        <translation>从参照网格生成</translation>
    </message>
    <message>
        <source>From Shown Mesh</source>
        <translation>从显示的网格生成</translation>
    </message>
    <message>
        <source>From reference mesh</source>
        <translation>从参照网格生成</translation>
    </message>
    <message>
        <source>From shown mesh</source>
        <translation>从显示的网格生成</translation>
    </message>
    <message>
        <source>From Network Segmentation</source>
        <translation>从神经网络分割生成</translation>
    </message>
    <message>
        <source>Replace the active label with the shown method&apos;s own segmentation output (handalign infer --segmentation; undoable)</source>
        <translation>用显示的方法自身的分割输出替换当前标签（handalign infer --segmentation；可撤销）</translation>
    </message>
    <message>
        <source>The network segmentation gives the hand only, no parts</source>
        <translation>神经网络分割只给出整只手，没有部位</translation>
    </message>
    <message>
        <source>From network segmentation</source>
        <translation>从神经网络分割生成</translation>
    </message>
    <message>
        <source>Click to take the chosen mesh&apos;s rendered silhouette (or the network&apos;s segmentation) as the proposal</source>
        <translation>点击以所选网格的渲染轮廓（或神经网络分割）作为候选</translation>
    </message>
    <message>
        <source>The shown method has no network segmentation for this sample</source>
        <translation>显示的方法没有此样本的神经网络分割</translation>
    </message>
</context>
<context>
    <name>handalign::MaskHistoryDialog</name>
    <message>
        <source>Mask History — Sample %1</source>
        <translation>掩码历史 — 样本 %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>被替换的内容</translation>
    </message>
    <message>
        <source>(review only)</source>
        <translation>（仅审阅状态）</translation>
    </message>
    <message>
        <source>a correction</source>
        <translation>修正后的掩码</translation>
    </message>
    <message>
        <source>the dataset&apos;s mask</source>
        <translation>数据集的掩码</translation>
    </message>
    <message>
        <source>Restore the Version Before</source>
        <translation>恢复到该更改之前的版本</translation>
    </message>
    <message>
        <source>Roll the mask back to what it was before the selected change (the rollback is journaled too)</source>
        <translation>将掩码回滚到所选更改之前的状态（回滚操作同样会记入日志）</translation>
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
    <name>handalign::ModelController</name>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a checkpoint (TorchScript or the native network&apos;s weights) with its JSON manifest (Ctrl+M). A TorchScript checkpoint is code: it runs when loaded, so open only checkpoints you trust.</source>
        <translation>打开检查点（TorchScript 或原生网络的权重）及其 JSON 清单（Ctrl+M）。TorchScript 检查点本身就是代码：加载时即会运行，因此请只打开你信任的检查点。</translation>
    </message>
    <message>
        <source>Recent &amp;Models</source>
        <translation>最近的模型(&amp;M)</translation>
    </message>
    <message>
        <source>Run on &amp;Current Sample</source>
        <translation>在当前样本上运行(&amp;C)</translation>
    </message>
    <message>
        <source>Run the model on the sample shown and score it (F6)</source>
        <translation>在所显示的样本上运行模型并评分（F6）</translation>
    </message>
    <message>
        <source>Run on &amp;Whole Dataset</source>
        <translation>在整个数据集上运行(&amp;W)</translation>
    </message>
    <message>
        <source>Run the model on every sample in the background, then evaluate its meshes (Shift+F6)</source>
        <translation>在后台对每个样本运行模型，然后评估其输出的网格（Shift+F6）</translation>
    </message>
    <message>
        <source>Open Model (checkpoints run code when loaded: open only trusted ones)</source>
        <translation>打开模型（检查点在加载时会运行代码：请只打开可信的检查点）</translation>
    </message>
    <message>
        <source>Models (*.json *.pt *.pth *.ts *.torchscript);;All files (*)</source>
        <translation>模型 (*.json *.pt *.pth *.ts *.torchscript);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No such model file: %1</source>
        <translation>模型文件不存在：%1</translation>
    </message>
    <message>
        <source>Cannot open the model: %1</source>
        <translation>无法打开模型：%1</translation>
    </message>
    <message>
        <source>Model %1: run it with F6 (current sample) or Shift+F6 (dataset)</source>
        <translation>模型 %1：按 F6（当前样本）或 Shift+F6（数据集）运行</translation>
    </message>
    <message>
        <source>This build has no inference engine (built without LibTorch): %1</source>
        <translation>此版本没有推理引擎（构建时未包含 LibTorch）：%1</translation>
    </message>
    <message>
        <source>Open a model first (Model → Open Model…)</source>
        <translation>请先打开模型（模型 → 打开模型…）</translation>
    </message>
    <message>
        <source>Open a dataset first</source>
        <translation>请先打开数据集</translation>
    </message>
    <message>
        <source>A model is already running</source>
        <translation>已有模型正在运行</translation>
    </message>
    <message>
        <source>Running the model on the dataset…</source>
        <translation>正在数据集上运行模型…</translation>
    </message>
    <message>
        <source>Running the model on the current sample…</source>
        <translation>正在当前样本上运行模型…</translation>
    </message>
    <message>
        <source>This build has no inference engine (built without LibTorch)</source>
        <translation>此版本没有推理引擎（构建时未包含 LibTorch）</translation>
    </message>
    <message>
        <source>Model run on %1: evaluating its meshes…</source>
        <translation>模型已在 %1 上运行完毕：正在评估其网格…</translation>
    </message>
    <message>
        <source>Model run on %1 done</source>
        <translation>模型已在 %1 上运行完毕</translation>
    </message>
    <message>
        <source>The model&apos;s results belong to %1, which is no longer open: not kept</source>
        <translation>模型结果属于 %1，该数据集已不再打开：未保留</translation>
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
    <message>
        <source>Refines</source>
        <translation>精修自</translation>
    </message>
    <message>
        <source>Each prediction file is evaluated under the name you give it. &quot;Refines&quot;: the name of the prediction this one refines (its rough mesh), or empty; the studio draws the offsets ΔM between such a pair.</source>
        <translation>每个预测文件都以你为其指定的名称进行评估。“精修自”：此预测所精修的那个预测的名称（即其粗略网格），也可留空；对于这样的一对预测，本工具会绘制两者之间的偏移 ΔM。</translation>
    </message>
</context>
<context>
    <name>handalign::OverlayPanel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
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
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>The method under study: its overlay, difference map, HD95 heat map and its mesh in the 3D view</source>
        <translation>所研究的方法：其叠加层、差异图、HD95 热力图，以及其在三维视图中的网格</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>对比对象(&amp;W)：</translation>
    </message>
    <message>
        <source>The reference method: its overlay and mesh, and the deltas of the browser and the metrics dock</source>
        <translation>参照方法：其叠加层和网格，以及样本浏览器和指标面板中的差值</translation>
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
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Where checkpoints run; CUDA needs a LibTorch built with it and a GPU</source>
        <translation>运行检查点的设备；CUDA 需要支持 CUDA 的 LibTorch 构建以及 GPU</translation>
    </message>
    <message>
        <source>Samples per forward pass when a model runs on a whole dataset</source>
        <translation>在整个数据集上运行模型时，每次前向传播处理的样本数</translation>
    </message>
    <message>
        <source>&amp;Half precision (CUDA only)</source>
        <translation>半精度（仅 CUDA）(&amp;H)</translation>
    </message>
    <message>
        <source>Run models in float16 on the GPU: faster, slightly less exact</source>
        <translation>在 GPU 上以 float16 运行模型：速度更快，精度略低</translation>
    </message>
    <message>
        <source>Mask editor</source>
        <translation>掩码编辑器</translation>
    </message>
    <message>
        <source>&amp;Undo depth:</source>
        <translation>撤销深度(&amp;U)：</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> strokes</source>
        <translation> 笔</translation>
    </message>
    <message>
        <source>How many strokes of a sample can be undone (from the next sample on)</source>
        <translation>每个样本可撤销的笔画数（从下一个样本起生效）</translation>
    </message>
    <message>
        <source>HD95 &amp;convention:</source>
        <translation>HD95 约定(&amp;C)：</translation>
    </message>
    <message>
        <source>Max of the two directed 95th percentiles (MONAI)</source>
        <translation>两个有向第 95 百分位数中的较大值（MONAI）</translation>
    </message>
    <message>
        <source>Both directions pooled (MedPy)</source>
        <translation>合并两个方向（MedPy）</translation>
    </message>
    <message>
        <source>How HD95 combines the two directions (eval --hd-mode)</source>
        <translation>HD95 如何合并两个方向（eval --hd-mode）</translation>
    </message>
    <message>
        <source>Class in one mask &amp;only:</source>
        <translation>仅在一个掩码中出现的类别(&amp;O)：</translation>
    </message>
    <message>
        <source>Left out of HD95 (counted as excluded)</source>
        <translation>不计入 HD95（记为已排除）</translation>
    </message>
    <message>
        <source>Image diagonal</source>
        <translation>图像对角线长度</translation>
    </message>
    <message>
        <source>HD95 of a class present in exactly one of the two masks (eval --hd-empty); F5 re-evaluates with the new choice</source>
        <translation>仅在两个掩码之一中出现的类别的 HD95（eval --hd-empty）；按 F5 以新选项重新评估</translation>
    </message>
    <message>
        <source>Also compute the network&apos;s &amp;segmentation</source>
        <translation>同时计算神经网络分割(&amp;S)</translation>
    </message>
    <message>
        <source>&lt;p&gt;When the model has a segmentation output, model runs also compute it (a run on the whole dataset writes it beside its predictions), and the mask editor offers it as a proposal (Annotate → Start From → From Network Segmentation).&lt;/p&gt;&lt;p&gt;Slower: the native HandAR network takes about twice as long per image with its segmentation branch.&lt;/p&gt;</source>
        <translation>&lt;p&gt;模型有分割输出时，运行模型也会计算它（在整个数据集上运行时写在其预测旁），掩码编辑器随后将其作为候选（标注 → 起始于 → 从神经网络分割生成）。&lt;/p&gt;&lt;p&gt;较慢：原生 HandAR 网络带分割分支时每张图像耗时约为两倍。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>handalign::RunChartsView</name>
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
    <message>
        <source>0–1</source>
        <translation>0–1</translation>
    </message>
</context>
<context>
    <name>handalign::SampleBrowser</name>
    <message>
        <source>Filter, e.g. ours.finger_hd95 &gt; 8 or ours worse than baseline</source>
        <translation>筛选，例如 ours.finger_hd95 &gt; 8 或 ours worse than baseline</translation>
    </message>
    <message numerus="yes">
        <source>No sample with id or index &quot;%1&quot; in the dataset (%n sample(s))</source>
        <translation>
            <numerusform>数据集中没有 ID 或序号为“%1”的样本（共 %n 个样本）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation>
            <numerusform>%n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation>%2 个中有 %1 个匹配</translation>
    </message>
</context>
<context>
    <name>handalign::SampleFilterProxy</name>
    <message>
        <source>no method named &apos;%1&apos; (methods: %2)</source>
        <translation>没有名为 &apos;%1&apos; 的方法（现有方法：%2）</translation>
    </message>
    <message>
        <source>unknown metric &apos;%1&apos;</source>
        <translation>未知指标 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>handalign::SampleMetricsTable</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Δ %1
− %2</source>
        <translation>Δ %1
− %2</translation>
    </message>
    <message>
        <source>%1 is better than %2</source>
        <translation>%1 优于 %2</translation>
    </message>
    <message>
        <source>%1 is worse than %2</source>
        <translation>%1 劣于 %2</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 百分点</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 像素</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 毫米</translation>
    </message>
    <message>
        <source>HD95 left out</source>
        <translation>HD95 未计入</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Classes in exactly one of the two masks have no HD95 and are left out of the averages: hand / parts of this sample</source>
        <translation>仅在两个掩码之一中出现的类别没有 HD95，不计入平均值：此样本的手部 / 各部位</translation>
    </message>
    <message>
        <source>%1 (ref.)</source>
        <translation>%1（参照）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>handalign::SamplePresenter</name>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>palm</source>
        <translation>手掌</translation>
    </message>
    <message>
        <source>thumb</source>
        <translation>拇指</translation>
    </message>
    <message>
        <source>index</source>
        <translation>食指</translation>
    </message>
    <message>
        <source>middle</source>
        <translation>中指</translation>
    </message>
    <message>
        <source>ring</source>
        <translation>无名指</translation>
    </message>
    <message>
        <source>pinky</source>
        <translation>小指</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>pixel (%1, %2)  GT %3</source>
        <translation>像素 (%1, %2)  真值 %3</translation>
    </message>
    <message>
        <source>  boundary distance %1 px</source>
        <translation>  边界距离 %1 像素</translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation>真值</translation>
    </message>
    <message>
        <source>The shown method&apos;s run has no segmentation of sample %1 (%2)</source>
        <translation>显示的方法的运行没有样本 %1 的分割（%2）</translation>
    </message>
    <message>
        <source>The shown method&apos;s predictions do not come from a run that wrote a segmentation (handalign infer --segmentation, or Preferences → Inference for the studio&apos;s model runs)</source>
        <translation>显示的方法的预测并非来自写出了分割的运行（handalign infer --segmentation，或在首选项 → 推理中为工作室的模型运行开启）</translation>
    </message>
</context>
<context>
    <name>handalign::SampleTableModel</name>
    <message>
        <source>to do</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>needs another look</source>
        <translation>需要复查</translation>
    </message>
    <message>
        <source>Review state; filter with e.g. review == accepted (todo, in_progress, accepted, needs_another_look)</source>
        <translation>审阅状态；可用于筛选，例如 review == accepted（todo、in_progress、accepted、needs_another_look）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is ambiguous with %2 methods: write delta.&lt;method&gt;.%3</source>
        <translation>有 %2 个方法时 &apos;%1&apos; 有歧义：请写作 delta.&lt;method&gt;.%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is ambiguous with %2 methods: write %3.%1</source>
        <translation>有 %2 个方法时 &apos;%1&apos; 有歧义：请写作 %3.%1</translation>
    </message>
    <message>
        <source>Filter name: %1</source>
        <translation>筛选名称：%1</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>%1 − %2: %3 (%4; a %5 delta is better)
Filter name: %6</source>
        <translation>%1 − %2：%3（%4；差值为%5更好）
筛选名称：%6</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <source>%1 of %2: %3 (%4)
Filter name: %5</source>
        <translation>%2 的 %1：%3（%4）
筛选名称：%5</translation>
    </message>
</context>
<context>
    <name>handalign::StatusReporter</name>
    <message>
        <source>HandAlign Studio</source>
        <translation>HandAlign Studio</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the evaluation or the model run</source>
        <translation>取消评估或模型运行</translation>
    </message>
</context>
<context>
    <name>handalign::StoredRunsDialog</name>
    <message>
        <source>Compare Stored Runs</source>
        <translation>比较已存储的运行</translation>
    </message>
    <message>
        <source>Runs evaluated earlier on this dataset. Checked runs are shown side by side in the sample browser and the metrics dock.</source>
        <translation>此数据集上先前评估过的运行。勾选的运行将在样本浏览器和指标面板中并排显示。</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Evaluated (UTC)</source>
        <translation>评估时间（UTC）</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <source>Show Side by Side</source>
        <translation>并排显示</translation>
    </message>
    <message>
        <source>Delete Selected…</source>
        <translation>删除所选…</translation>
    </message>
    <message>
        <source>Remove the selected runs from the project (prediction files stay)</source>
        <translation>从项目中移除所选的运行（预测文件保留）</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n stored run(s) from the project?</source>
        <translation>
            <numerusform>要从项目中删除 %n 个已存储的运行吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>refines %1</source>
        <translation>精修自 %1</translation>
    </message>
    <message>
        <source>rough</source>
        <translation>粗略</translation>
    </message>
</context>
<context>
    <name>handalign::StudioSession</name>
    <message>
        <source>Opening the dataset…</source>
        <translation>正在打开数据集…</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Open the dataset the evaluation was computed on first.</source>
        <translation>请先打开该评估所用的数据集。</translation>
    </message>
    <message>
        <source>The dataset has no project to store the imported runs in.</source>
        <translation>该数据集没有可保存导入运行的项目。</translation>
    </message>
    <message>
        <source>%1 was not computed on the dataset and conventions open: %2.</source>
        <translation>%1 不是在当前打开的数据集和约定下计算的：%2。</translation>
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
        <source>Hand model file (default: the dataset&apos;s hand_model.json).</source>
        <translation>手部模型文件（默认：数据集的 hand_model.json）。</translation>
    </message>
    <message>
        <source>--pred must be NAME=FILE (got &quot;%1&quot;)</source>
        <translation>--pred 的格式必须为 NAME=FILE（收到的是 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>Model checkpoint or manifest to open; run on the first sample shown.</source>
        <translation>要打开的模型检查点或清单；在首先显示的样本上运行。</translation>
    </message>
    <message>
        <source>Declares prediction REFINED the refinement of ROUGH (repeatable).</source>
        <translation>声明预测 REFINED 是 ROUGH 的精修结果（可重复）。</translation>
    </message>
    <message>
        <source>Sample id or index to show first.</source>
        <translation>首先显示的样本 ID 或序号。</translation>
    </message>
    <message>
        <source>--refines must be REFINED=ROUGH (got &quot;%1&quot;)</source>
        <translation>--refines 的格式必须为 REFINED=ROUGH（收到的是 &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>Evaluation folder computed elsewhere (eval or merged cluster run) to show; without --dataset, its dataset is opened.</source>
        <translation>要显示的在别处计算的评估文件夹（eval 或合并后的集群运行）；未给出 --dataset 时打开其数据集。</translation>
    </message>
</context>
</TS>
