#version 150 core
// Full-viewport quad: all mapping from screen to image happens per fragment (canvas.frag).
in vec2 aPos;
void main() { gl_Position = vec4(aPos, 0.0, 1.0); }
