"""The HandAR network in plain PyTorch, with the parameter names of the C++ network
(core/inference/net) and of the official checkpoint's groups.

It mirrors core/inference/net operation by operation; docs/adr/0008-native-handar-network.md says
why each part is as it is. Used by convert_checkpoint.py (strict loading, TorchScript export) and by
the tests that compare the C++ network with a TorchScript export of the same weights.
No torchvision or torch_geometric: only torch.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

GROUPS = ("pose_backbone", "posenet", "pose2feat", "mesh_backbone", "mesh_net", "gcn",
          "global_img_feat", "segmentation_net")


def make_conv_layers(dims, kernel=3, stride=1, padding=1, bnrelu_final=True):
    layers = []
    for i in range(len(dims) - 1):
        layers.append(nn.Conv2d(dims[i], dims[i + 1], kernel, stride=stride, padding=padding))
        if i < len(dims) - 2 or bnrelu_final:
            layers += [nn.BatchNorm2d(dims[i + 1]), nn.ReLU(inplace=True)]
    return nn.Sequential(*layers)


def make_conv1d_layers(dims, kernel=3, stride=1, padding=1, bnrelu_final=True):
    layers = []
    for i in range(len(dims) - 1):
        layers.append(nn.Conv1d(dims[i], dims[i + 1], kernel, stride=stride, padding=padding))
        if i < len(dims) - 2 or bnrelu_final:
            layers += [nn.BatchNorm1d(dims[i + 1]), nn.ReLU(inplace=True)]
    return nn.Sequential(*layers)


def make_deconv_layers(dims, bnrelu_final=True):
    layers = []
    for i in range(len(dims) - 1):
        layers.append(nn.ConvTranspose2d(dims[i], dims[i + 1], 4, stride=2, padding=1,
                                         output_padding=0, bias=False))
        if i < len(dims) - 2 or bnrelu_final:
            layers += [nn.BatchNorm2d(dims[i + 1]), nn.ReLU(inplace=True)]
    return nn.Sequential(*layers)


def soft_argmax_1d(heatmaps):
    probabilities = F.softmax(heatmaps, 2)
    bins = torch.arange(heatmaps.shape[2], dtype=heatmaps.dtype, device=heatmaps.device)
    return (probabilities * bins).sum(2, keepdim=True)


class Bottleneck(nn.Module):
    """torchvision's Bottleneck (stride on the 3x3 conv)."""

    def __init__(self, inplanes, planes, stride=1, downsample=False):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.downsample = None
        if downsample:
            self.downsample = nn.Sequential(
                nn.Conv2d(inplanes, planes * 4, 1, stride=stride, bias=False),
                nn.BatchNorm2d(planes * 4))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = F.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        identity = x if self.downsample is None else self.downsample(x)
        return F.relu(out + identity)


class ResNetBackbone(nn.Module):
    """ResNet-50 without classifier; returns every feature map the network uses."""

    def __init__(self, width=64):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.inplanes = width
        self.layer1 = self._make_layer(width, 3, 1)
        self.layer2 = self._make_layer(width * 2, 4, 2)
        self.layer3 = self._make_layer(width * 4, 6, 2)
        self.layer4 = self._make_layer(width * 8, 3, 2)

    def _make_layer(self, planes, blocks, stride):
        downsample = stride != 1 or self.inplanes != planes * 4
        layers = [Bottleneck(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * 4
        layers += [Bottleneck(self.inplanes, planes) for _ in range(1, blocks)]
        return nn.Sequential(*layers)

    def stem(self, image):
        return F.relu(self.bn1(self.conv1(image)))

    def from_shallow(self, shallow):
        """I2L-MeshNet's skip_early: layer1..4 only."""
        x1 = self.layer1(shallow)
        x2 = self.layer2(x1)
        x3 = self.layer3(x2)
        return x1, x2, x3, self.layer4(x3)


class LixelNet(nn.Module):
    """PoseNet (joint_feature=True: HandAR's `conv` giving F_j) and MeshNet of I2L-MeshNet."""

    def __init__(self, points, width, bins, joint_feature):
        super().__init__()
        self.width, self.bins = width, bins
        decoded, encoded = 4 * width, 32 * width
        self.deconv = make_deconv_layers([encoded, decoded, decoded, decoded])
        self.conv_x = make_conv1d_layers([decoded, points], 1, 1, 0, bnrelu_final=False)
        self.conv_y = make_conv1d_layers([decoded, points], 1, 1, 0, bnrelu_final=False)
        self.conv_z_1 = make_conv1d_layers([encoded, decoded * bins], 1, 1, 0)
        self.conv_z_2 = make_conv1d_layers([decoded, points], 1, 1, 0, bnrelu_final=False)
        if joint_feature:
            self.conv = make_conv_layers([decoded, width])

    def coordinates(self, encoded, decoded):
        x = soft_argmax_1d(self.conv_x(decoded.mean(2)))
        y = soft_argmax_1d(self.conv_y(decoded.mean(3)))
        z = self.conv_z_1(encoded.mean((2, 3))[:, :, None])
        z = soft_argmax_1d(self.conv_z_2(z.view(-1, 4 * self.width, self.bins)))
        return torch.cat((x, y, z), 2)


class Pose2Feat(nn.Module):
    """In the checkpoint, never run (HandAR feeds F_j + F_s to the mesh backbone)."""

    def __init__(self, joints, width, bins):
        super().__init__()
        self.conv = make_conv_layers([width + joints * bins, width])


class SegmentationNet(nn.Module):
    def __init__(self, width, classes=2):
        super().__init__()
        w = width
        self.conv1 = nn.Conv2d(32 * w, 16 * w, 1)
        self.fusion1 = nn.Conv2d(16 * w, 16 * w, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(16 * w)
        self.conv2 = nn.Conv2d(16 * w, 8 * w, 1)
        self.fusion2 = nn.Conv2d(8 * w, 8 * w, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(8 * w)
        self.conv3 = nn.Conv2d(8 * w, 4 * w, 1)
        self.fusion3 = nn.Conv2d(4 * w, 4 * w, 3, padding=1)
        self.bn3 = nn.BatchNorm2d(4 * w)
        self.conv4 = nn.Conv2d(4 * w, w, 1)
        self.fusion4 = nn.Conv2d(w, w, 3, padding=1)
        self.predict_head = nn.Sequential(nn.Conv2d(w, 16, 3, padding=1), nn.Conv2d(16, classes, 1))

    def forward(self, layer4, layer3, layer2, layer1, stem):
        def up(x):
            return F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)
        x = F.relu(self.bn1(self.fusion1(self.conv1(up(layer4)) + layer3)))
        x = F.relu(self.bn2(self.fusion2(self.conv2(up(x)) + layer2)))
        x = F.relu(self.bn3(self.fusion3(self.conv3(up(x)) + layer1)))
        x = self.fusion4(self.conv4(up(x)) + stem)
        return F.log_softmax(self.predict_head(x), 1)


class GINConv(nn.Module):
    """PyTorch Geometric's GINConv (eps buffer, default 0) on B x V x C node features."""

    def __init__(self, channels_in, hidden, channels_out):
        super().__init__()
        self.nn = nn.Sequential(nn.Linear(channels_in, hidden), nn.ReLU(),
                                nn.Linear(hidden, channels_out))
        self.register_buffer("eps", torch.zeros(1))

    def forward(self, x, source, target):
        aggregated = torch.zeros_like(x).index_add_(1, target, x.index_select(1, source))
        aggregated = aggregated + (1 + self.eps) * x
        return self.nn(aggregated)


def batch_norm_nodes(bn, x):
    return bn(x.reshape(-1, x.shape[2])).view(x.shape)


class GINConvBlock(nn.Module):
    def __init__(self, channels_in, hidden, channels_out, relu_bn=True):
        super().__init__()
        self.conv = GINConv(channels_in, hidden, channels_out)
        self.bn = nn.BatchNorm1d(channels_out)
        self.relu_bn = relu_bn

    def forward(self, x, source, target):
        out = self.conv(x, source, target)
        return F.relu(batch_norm_nodes(self.bn, out)) if self.relu_bn else out


class GINResBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv1 = GINConv(channels, channels, channels)
        self.bn1 = nn.BatchNorm1d(channels)
        self.conv2 = GINConv(channels, channels, channels)
        self.bn2 = nn.BatchNorm1d(channels)

    def forward(self, x, source, target):
        out = F.relu(batch_norm_nodes(self.bn1, self.conv1(x, source, target)))
        out = F.relu(batch_norm_nodes(self.bn2, self.conv2(out, source, target)))
        return out + x


class GraphCNN(nn.Module):
    def __init__(self, channels_in, hidden=64):
        super().__init__()
        self.head = GINConvBlock(channels_in, 256, hidden)
        self.res1 = GINResBlock(hidden)
        self.res2 = GINResBlock(hidden)
        self.res3 = GINResBlock(hidden)
        self.tail = GINConvBlock(hidden, 32, 3, relu_bn=False)

    def forward(self, x, source, target):
        for block in (self.head, self.res1, self.res2, self.res3, self.tail):
            x = block(x, source, target)
        return x


def sample_at_vertices(feature_map, vertices, bins):
    grid = vertices[:, :, None, :2] / (bins / 2.0) - 1.0
    sampled = F.grid_sample(feature_map, grid, mode="bilinear", padding_mode="zeros",
                            align_corners=False)
    return sampled.squeeze(-1).permute(0, 2, 1)


def mesh_edges(faces):
    """Undirected edges (a < b), sorted and unique, of triangle faces."""
    edges = set()
    for f in faces:
        for k in range(3):
            a, b = int(f[k]), int(f[(k + 1) % 3])
            if a != b:
                edges.add((min(a, b), max(a, b)))
    return sorted(edges)


class HandArNet(nn.Module):
    """forward(image B x 3 x S x S in [0, 1]) -> (rough, refined[, joints][, segmentation])."""

    def __init__(self, vertex_count=778, joint_count=21, input_size=256, width=64,
                 segmentation_classes=2, edges=(), run_joint_head=False, run_segmentation=False):
        super().__init__()
        if input_size % 32:
            raise ValueError("input_size must be a multiple of 32")
        self.bins = input_size // 4
        self.vertex_count = vertex_count
        self.run_joint_head, self.run_segmentation = run_joint_head, run_segmentation
        self.pose_backbone = ResNetBackbone(width)
        self.posenet = LixelNet(joint_count, width, self.bins, True)
        self.pose2feat = Pose2Feat(joint_count, width, self.bins)
        self.mesh_backbone = ResNetBackbone(width)
        self.mesh_net = LixelNet(vertex_count, width, self.bins, False)
        self.gcn = GraphCNN(6 + 14 * width)
        self.global_img_feat = nn.Sequential(
            make_conv1d_layers([32 * width, 8 * width], 1, 1, 0, bnrelu_final=False))
        self.segmentation_net = SegmentationNet(width, segmentation_classes)
        pairs = list(edges)
        source = [a for a, b in pairs] + [b for a, b in pairs]
        target = [b for a, b in pairs] + [a for a, b in pairs]
        # Not buffers: they are not in the checkpoint.
        self.edge_source = torch.tensor(source, dtype=torch.int64)
        self.edge_target = torch.tensor(target, dtype=torch.int64)

    def forward(self, image):
        bins = self.bins
        stem = self.pose_backbone.stem(image)
        shallow = F.max_pool2d(stem, 3, 2, 1)
        layer1, layer2, layer3, layer4 = self.pose_backbone.from_shallow(shallow)
        decoded = self.posenet.deconv(layer4)
        joint_feature = self.posenet.conv(decoded)
        outputs = []
        if self.run_joint_head:
            outputs.append(self.posenet.coordinates(layer4, decoded))
        if self.run_segmentation:
            outputs.append(self.segmentation_net(layer4, layer3, layer2, layer1, stem))

        mesh_layer1, _, _, mesh_layer4 = self.mesh_backbone.from_shallow(joint_feature + shallow)
        rough = self.mesh_net.coordinates(mesh_layer4, self.mesh_net.deconv(mesh_layer4))

        global_feature = self.global_img_feat(mesh_layer4.mean((2, 3))[:, :, None])
        global_feature = global_feature.permute(0, 2, 1).expand(-1, self.vertex_count, -1)
        features = torch.cat((rough, sample_at_vertices(image, rough, bins),
                              sample_at_vertices(stem, rough, bins),
                              sample_at_vertices(shallow, rough, bins),
                              sample_at_vertices(mesh_layer1, rough, bins), global_feature), 2)
        refined = rough + self.gcn(features, self.edge_source.to(image.device),
                                   self.edge_target.to(image.device))
        return tuple([rough, refined] + outputs)


def config_from_state_dict(state):
    """The sizes a flat state dict implies (the same inference as the C++ loadHandArNet)."""
    width = state["pose_backbone.conv1.weight"].shape[0]
    z_channels = state["mesh_net.conv_z_1.0.weight"].shape[0]
    if z_channels % (4 * width):
        raise ValueError("mesh_net.conv_z_1.0.weight has %d output channels, not a multiple of %d"
                         % (z_channels, 4 * width))
    return dict(vertex_count=state["mesh_net.conv_x.0.weight"].shape[0],
                joint_count=state["posenet.conv_x.0.weight"].shape[0],
                input_size=4 * (z_channels // (4 * width)), width=width,
                segmentation_classes=state["segmentation_net.predict_head.1.weight"].shape[0])
