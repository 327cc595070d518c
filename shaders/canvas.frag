#version 150 core
// Image canvas: the sample image under label overlays (GT, rough, refined), a difference map, a
// boundary-distance heat map and, on top, the mask being edited. Every layer is fetched texel-exact
// (texelFetch) so zoomed pixels are crisp squares and label values are never interpolated.
out vec4 fragColor;

uniform sampler2D uImage;     // RGBA8
uniform sampler2D uGt;        // R8 label images: value / 255
uniform sampler2D uReference;
uniform sampler2D uShown;
uniform sampler2D uDistance;  // R32F: distance at boundary pixels, < 0 elsewhere
uniform sampler2D uEdit;      // R8 edited mask: 1..6 part, 7 hand without a part, 0 none
uniform sampler2D uMethods;   // RGBA8: every method's contour in its colour, alpha 0 elsewhere
uniform int uHasImage;

uniform float uViewportHeight;  // device pixels
uniform vec2 uOrigin;           // device pixels, top-left corner of the image, y down
uniform float uScale;           // device pixels per image pixel
uniform vec2 uFrameSize;        // image size in image pixels

// Layers 0 GT, 1 reference, 2 shown, 3 difference, 4 distance, 5 all methods' contours;
// opacity 0 = hidden.
uniform float uOpacity[6];
uniform int uContour[3];
uniform int uByPart;
uniform int uDiffSource;  // 1 reference, 2 shown
uniform vec3 uPalette[7];
uniform vec3 uLayerColor[3];
uniform vec3 uFpColor;
uniform vec3 uFnColor;
uniform vec3 uWrongPartColor;
uniform vec3 uAboveP95Color;
uniform vec3 uBackground;
uniform float uDistMax;
uniform float uP95;
uniform float uEditOpacity;  // 0: no mask being edited
uniform vec3 uEditColor;

// Each layer may have its own resolution (e.g. labels at 224² over a larger photo): map the
// normalised image position to that layer's texel.
ivec2 texelOf(sampler2D t, vec2 u) {
  ivec2 s = textureSize(t, 0);
  return clamp(ivec2(floor(u * vec2(s))), ivec2(0), s - 1);
}
int labelAt(sampler2D t, ivec2 p) { return int(texelFetch(t, p, 0).r * 255.0 + 0.5); }

bool sameClass(int a, int b) { return uByPart != 0 ? a == b : (a != 0) == (b != 0); }

// Contour = boundary as in docs/metrics.md: a 4-neighbour outside the class or outside the image.
bool onContour(sampler2D t, ivec2 p, int v) {
  ivec2 s = textureSize(t, 0);
  if (p.x == 0 || p.y == 0 || p.x == s.x - 1 || p.y == s.y - 1) return true;
  return !sameClass(labelAt(t, p + ivec2(1, 0)), v) || !sameClass(labelAt(t, p - ivec2(1, 0)), v) ||
         !sameClass(labelAt(t, p + ivec2(0, 1)), v) || !sameClass(labelAt(t, p - ivec2(0, 1)), v);
}

vec3 overlayLabels(vec3 c, int layer, sampler2D t, vec2 u) {
  if (uOpacity[layer] <= 0.0) return c;
  ivec2 p = texelOf(t, u);
  int v = labelAt(t, p);
  if (v == 0 || v > 6) return c;
  if (uContour[layer] != 0 && !onContour(t, p, v)) return c;
  vec3 col = uByPart != 0 ? uPalette[v] : uLayerColor[layer];
  return mix(c, col, uOpacity[layer]);
}

vec3 heat(float t) {  // blue → cyan → yellow → red
  t = clamp(t, 0.0, 1.0);
  return clamp(vec3(1.5 - abs(4.0 * t - 3.0), 1.5 - abs(4.0 * t - 2.0), 1.5 - abs(4.0 * t - 1.0)),
               0.0, 1.0);
}

void main() {
  vec2 dev = vec2(gl_FragCoord.x, uViewportHeight - gl_FragCoord.y);
  vec2 img = (dev - uOrigin) / uScale;
  if (img.x < 0.0 || img.y < 0.0 || img.x >= uFrameSize.x || img.y >= uFrameSize.y) {
    fragColor = vec4(uBackground, 1.0);
    return;
  }
  vec2 u = img / uFrameSize;
  vec3 c = uHasImage != 0 ? texelFetch(uImage, texelOf(uImage, u), 0).rgb : vec3(0.0);

  c = overlayLabels(c, 0, uGt, u);
  c = overlayLabels(c, 1, uReference, u);
  c = overlayLabels(c, 2, uShown, u);

  if (uOpacity[3] > 0.0) {
    int gt = labelAt(uGt, texelOf(uGt, u));
    int pred = uDiffSource == 1 ? labelAt(uReference, texelOf(uReference, u))
                                : labelAt(uShown, texelOf(uShown, u));
    if (pred != 0 && gt == 0) c = mix(c, uFpColor, uOpacity[3]);
    else if (pred == 0 && gt != 0) c = mix(c, uFnColor, uOpacity[3]);
    else if (uByPart != 0 && pred != gt) c = mix(c, uWrongPartColor, uOpacity[3]);
  }

  if (uOpacity[4] > 0.0) {
    float d = texelFetch(uDistance, texelOf(uDistance, u), 0).r;
    if (d >= 0.0) {
      // The pixels at or beyond the directed P95 are the ones that set the HD95.
      vec3 col = (uP95 > 0.0 && d >= uP95) ? uAboveP95Color : heat(d / max(uDistMax, 1e-6));
      c = mix(c, col, uOpacity[4]);
    }
  }
  if (uOpacity[5] > 0.0) {
    vec4 m = texelFetch(uMethods, texelOf(uMethods, u), 0);
    if (m.a > 0.0) c = mix(c, m.rgb, uOpacity[5] * m.a);
  }
  if (uEditOpacity > 0.0) {
    int v = labelAt(uEdit, texelOf(uEdit, u));
    if (v >= 1 && v <= 6) c = mix(c, uPalette[v], uEditOpacity);
    else if (v == 7) c = mix(c, uEditColor, uEditOpacity);
  }
  fragColor = vec4(c, 1.0);
}
