<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documentation is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program opens %1</source>
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
</context>
<context>
    <name>Metric</name>
    <message>
        <source>Hand IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU of the hand silhouette against the GT mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand mIoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean of background and hand IoU (the paper&apos;s hand level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % Hausdorff distance between hand boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finger mIoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean IoU of background and the six parts (the paper&apos;s finger level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finger mIoU (parts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean IoU of the six parts, background left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finger HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean over parts of each part&apos;s 95 % Hausdorff distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palm IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palm HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumb IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumb HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinky IoU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinky HD95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IoU of one part&apos;s region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % Hausdorff distance of one part&apos;s boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPJPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean joint error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-MPJPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean joint error after Procrustes with scale (FreiHAND)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MPVPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean vertex error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-MPVPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean vertex error after Procrustes with scale (FreiHAND)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F@5mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F-score of the vertices at 5 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F@15mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F-score of the vertices at 15 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-F@5mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F-score at 5 mm after Procrustes with scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-F@15mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F-score at 15 mm after Procrustes with scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC-J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>area under the joints&apos; PCK curve, 0 to 50 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-AUC-J</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>area under the joints&apos; PCK curve after Procrustes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC-V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>area under the vertices&apos; PCK curve, 0 to 50 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PA-AUC-V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>area under the vertices&apos; PCK curve after Procrustes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <source>Ground-truth mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference (FP / FN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD95 heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All methods (contours)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentDatasets</name>
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
</context>
<context>
    <name>handalign::AnnotationController</name>
    <message>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the hand and finger masks of the current sample (Ctrl+B); tools 1–6, Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the corrected mask of the current sample (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the mask, mark the sample accepted and go to the next one (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert to Original Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the correction and unsaved strokes: the dataset&apos;s mask counts again (journaled, can be rolled back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Original Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show and score the dataset&apos;s mask instead of the correction (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To Do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs Another Look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the current sample: %1 (Ctrl+Alt+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every saved version of this sample&apos;s mask; roll back to any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport Corrected Masks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the corrected masks in FreiHAND&apos;s layout (mask/%08d.png) and review.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Finished %n mask save(s) interrupted last time</source>
        <translation type="unfinished">
            <numerusform>Finished %n mask save interrupted last time</numerusform>
            <numerusform>Finished %n mask saves interrupted last time</numerusform>
        </translation>
    </message>
    <message>
        <source>The annotation folder holds files that are not usable corrections (left untouched):
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the mask of sample %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the mask: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sample has no correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the dataset&apos;s mask (Mask History rolls this back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved strokes dropped: back to the dataset&apos;s mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the dataset&apos;s original mask; editing is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the corrected mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the version before change #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Corrected Masks Into an Empty Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 masks (%2 with parts) and review.csv to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the masks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted saves that could not be finished safely (the masks on disk were kept):
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot keep the unsaved strokes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved strokes (restored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the unsaved strokes of sample %1 from the last session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored the unsaved strokes of sample %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;From</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::EditorToolBar</name>
    <message>
        <source>Mask Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GrabCut from a box instead of a rough stroke (Shift+drag draws a box too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label that the tools paint or erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ], or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity of the mask being edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour of the hand in the mask being edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mesh whose silhouette the From-mesh tool takes, or the shown method&apos;s own segmentation output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::ExportController</name>
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
        <source>Open a dataset first</source>
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
    <name>handalign::ImageCanvas</name>
    <message>
        <source>palm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thumb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::MainWindow</name>
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
        <source>%1 samples</source>
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
        <source>Removed from the recent datasets, the folder no longer exists: %1</source>
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
        <source>Compare Stored &amp;Runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show runs evaluated earlier on this dataset side by side with the open ones (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These stored results have no PCK histograms (stored by an older version): the histograms are shown; the PCK curves need a re-evaluation (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model run cancelled; nothing was kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences saved (F5 evaluates again under new conventions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, palette, evaluation conventions and defaults (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the image into the canvas (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the canvas colours mean: parts, or GT and the methods (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;3D View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by offset |ΔM|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by error vs GT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GT mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offsets ΔM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset vectors from the reference to the shown mesh, where the shown method is declared the refinement of the reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the local documentation (README and docs/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the dataset the evaluation was computed on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Evaluation (the folder holding per_sample.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n run(s) from %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Import Evaluation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show an evaluation computed elsewhere (handalign eval, or a merged cluster run) beside the open runs, without evaluating again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::MaskEditor</name>
    <message>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flood fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GrabCut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint the active label (right-drag erases; [ ] or Ctrl+wheel: size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the active label ([ ] or Ctrl+wheel: size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the vertices, double-click or Enter to fill; right-click vertices to erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the connected region under the click; right-click erases it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rough stroke over the object (or a box, Shift+drag) and let GrabCut find it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the editing tool (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger brush (])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller brush ([)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect other labels: painting one label never changes pixels of another part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From GT Mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the active label with the mesh&apos;s rendered silhouette (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last stroke (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flood erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GrabCut erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rendered mesh to start from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From GT mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GrabCut needs the sample&apos;s image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GrabCut found nothing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Reference Mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Shown Mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From reference mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From shown mesh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Network Segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the active label with the shown method&apos;s own segmentation output (handalign infer --segmentation; undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network segmentation gives the hand only, no parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From network segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to take the chosen mesh&apos;s rendered silhouette (or the network&apos;s segmentation) as the proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown method has no network segmentation for this sample</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::MaskHistoryDialog</name>
    <message>
        <source>Mask History — Sample %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(review only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the dataset&apos;s mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the Version Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll the mask back to what it was before the selected change (the rollback is journaled too)</source>
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
    <name>handalign::ModelController</name>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a checkpoint (TorchScript or the native network&apos;s weights) with its JSON manifest (Ctrl+M). A TorchScript checkpoint is code: it runs when loaded, so open only checkpoints you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on &amp;Current Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the model on the sample shown and score it (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on &amp;Whole Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the model on every sample in the background, then evaluate its meshes (Shift+F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Model (checkpoints run code when loaded: open only trusted ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models (*.json *.pt *.pth *.ts *.torchscript);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such model file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1: run it with F6 (current sample) or Shift+F6 (dataset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no inference engine (built without LibTorch): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model first (Model → Open Model…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the model on the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the model on the current sample…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has no inference engine (built without LibTorch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model run on %1: evaluating its meshes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model run on %1 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s results belong to %1, which is no longer open: not kept</source>
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
    <message>
        <source>Refines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each prediction file is evaluated under the name you give it. &quot;Refines&quot;: the name of the prediction this one refines (its rough mesh), or empty; the studio draws the offsets ΔM between such a pair.</source>
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
    <message>
        <source>&amp;Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The method under study: its overlay, difference map, HD95 heat map and its mesh in the 3D view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference method: its overlay and mesh, and the deltas of the browser and the metrics dock</source>
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
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where checkpoints run; CUDA needs a LibTorch built with it and a GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples per forward pass when a model runs on a whole dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Half precision (CUDA only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run models in float16 on the GPU: faster, slightly less exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo depth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> strokes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many strokes of a sample can be undone (from the next sample on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD95 &amp;convention:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max of the two directed 95th percentiles (MONAI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both directions pooled (MedPy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How HD95 combines the two directions (eval --hd-mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class in one mask &amp;only:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out of HD95 (counted as excluded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image diagonal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD95 of a class present in exactly one of the two masks (eval --hd-empty); F5 re-evaluates with the new choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also compute the network&apos;s &amp;segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;When the model has a segmentation output, model runs also compute it (a run on the whole dataset writes it beside its predictions), and the mask editor offers it as a proposal (Annotate → Start From → From Network Segmentation).&lt;/p&gt;&lt;p&gt;Slower: the native HandAR network takes about twice as long per image with its segmentation branch.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::RunChartsView</name>
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
    <message>
        <source>0–1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::SampleBrowser</name>
    <message>
        <source>Filter, e.g. ours.finger_hd95 &gt; 8 or ours worse than baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No sample with id or index &quot;%1&quot; in the dataset (%n sample(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::SampleFilterProxy</name>
    <message>
        <source>no method named &apos;%1&apos; (methods: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown metric &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::SampleMetricsTable</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ %1
− %2</source>
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
    <message>
        <source>%1 pp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HD95 left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes in exactly one of the two masks have no HD95 and are left out of the averages: hand / parts of this sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (ref.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::SamplePresenter</name>
    <message>
        <source>Cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>palm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thumb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>middle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixel (%1, %2)  GT %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  boundary distance %1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ground truth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown method&apos;s run has no segmentation of sample %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shown method&apos;s predictions do not come from a run that wrote a segmentation (handalign infer --segmentation, or Preferences → Inference for the studio&apos;s model runs)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::SampleTableModel</name>
    <message>
        <source>to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs another look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review state; filter with e.g. review == accepted (todo, in_progress, accepted, needs_another_look)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is ambiguous with %2 methods: write delta.&lt;method&gt;.%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is ambiguous with %2 methods: write %3.%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 − %2: %3 (%4; a %5 delta is better)
Filter name: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2: %3 (%4)
Filter name: %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::StatusReporter</name>
    <message>
        <source>HandAlign Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the evaluation or the model run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::StoredRunsDialog</name>
    <message>
        <source>Compare Stored Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs evaluated earlier on this dataset. Checked runs are shown side by side in the sample browser and the metrics dock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluated (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected runs from the project (prediction files stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n stored run(s) from the project?</source>
        <translation>
            <numerusform>Delete %n stored run from the project?</numerusform>
            <numerusform>Delete %n stored runs from the project?</numerusform>
        </translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refines %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rough</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handalign::StudioSession</name>
    <message>
        <source>Opening the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the dataset the evaluation was computed on first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset has no project to store the imported runs in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not computed on the dataset and conventions open: %2.</source>
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
        <source>Hand model file (default: the dataset&apos;s hand_model.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pred must be NAME=FILE (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model checkpoint or manifest to open; run on the first sample shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declares prediction REFINED the refinement of ROUGH (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample id or index to show first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--refines must be REFINED=ROUGH (got &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation folder computed elsewhere (eval or merged cluster run) to show; without --dataset, its dataset is opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
