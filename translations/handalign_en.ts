<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>handalign::FigureExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worst samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column (3.33 in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text width (6.9 in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>figure.png, .svg or .pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By the metric of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::FigureGrid</name>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3D view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mIoU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD95 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::MainWindow</name>
    <message>
        <source>pixel (%1, %2)  GT %3  rough %4  refined %5  boundary distance %6 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset (Ctrl+O) or drop its folder here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HandAlign Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About HandAlign Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;HandAlign Studio&lt;/b&gt; %1&lt;br&gt;Hand- and finger-level alignment of 3D hand meshes: mIoU, HD95 and FreiHAND&apos;s 3D metrics, sample by sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HandAlign Studio — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset folder with its prediction files (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate the predictions again, ignoring results stored in the project (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, palette and evaluation defaults (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit HandAlign Studio (Ctrl+Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next sample in the browser&apos;s order (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous sample in the browser&apos;s order (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground-truth mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rough mesh M_r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refined mesh M_f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference (FP / FN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD95 boundary distances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the overlay: %1 (Alt+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About HandAlign Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3D view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter, e.g.  finger_hd95 &gt; 8   or   refined worse than rough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed from the recent datasets, the folder no longer exists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prediction files found in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open and evaluate a dataset first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A figure file must end in .png, .svg or .pdf: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sample to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (%2 rows) and %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the figure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sample &quot;%1&quot; in the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter was cleared to show sample %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample id or index:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a comparison figure of the current or the worst samples as PNG, SVG or PDF (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jump to Sample…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a sample by its id or index (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored results: the histograms are shown; the PCK curves need a re-evaluation (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the paper&apos;s tables of the runs shown as CSV, Markdown and LaTeX into a folder (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the tables: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote table.csv, table.md and table.tex to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Tables to Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::MetricsPanel</name>
    <message>
        <source>No sample selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::OpenDatasetDialog</name>
    <message>
        <source>Open Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dataset folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hand model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the dataset&apos;s own hand model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each prediction file is evaluated under its name; names containing &quot;rough&quot; and &quot;refined&quot; are compared with each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the dataset folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the hand model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand models (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose prediction files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::OverlayPanel</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rough M_r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refined M_f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD95 heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the overlay (Alt+%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity of the overlay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contour only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw only the outline of each part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single colour per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour the label overlays by part (palm, thumb, … pinky) or one colour per layer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Palette:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker threads for evaluations started from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silhouette resolution of the alignment metrics; the paper uses 224 × 224</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::RunChartsView</name>
    <message>
        <source>mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joints, Procrustes-aligned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertices, Procrustes-aligned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCK curve:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCK — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (AUC %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (n = %2, mean %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no finite values)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::SampleMetricsTable</name>
    <message>
        <source>Hand IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palm IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumb IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinky IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand mIoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finger mIoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finger mIoU (parts only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palm HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumb HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinky HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finger HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPJPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-MPJPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPVPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-MPVPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F@5 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F@15 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-F@5 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-F@15 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 pp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ %1 − %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is better than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is worse than %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Hand- and finger-level alignment of 3D hand meshes, sample by sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset folder to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction file, NAME=FILE (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample id to show first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand model file (default: the dataset&apos;s hand_model.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pred must be NAME=FILE (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
