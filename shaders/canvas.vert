#version 150 core
// The image rectangle only (uRect: its corners in normalised device coordinates), so fragments run
// over the image alone; all mapping from screen to image happens per fragment (canvas.frag).
in vec2 aPos;  // the unit quad's corners, -1..1
uniform vec4 uRect;  // x0, y0, x1, y1 in NDC
void main() { gl_Position = vec4(mix(uRect.xy, uRect.zw, aPos * 0.5 + 0.5), 0.0, 1.0); }
