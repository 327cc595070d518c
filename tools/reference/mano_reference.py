"""NumPy reference of MANO's layer (shape and pose blend shapes, joint regression, skinning along
the kinematic tree, fingertips), written from the MANO paper's definitions and manopth's
conventions, to check core/hand/ManoLayer.cpp. Reads a hand model's "mano" section."""

import numpy as np

FREIHAND_FROM_MANO = [0, 13, 14, 15, 16, 1, 2, 3, 17, 4, 5, 6, 18, 10, 11, 12, 19, 7, 8, 9, 20]


def rodrigues(r):
    angle = np.linalg.norm(r)
    if angle == 0:
        return np.eye(3)
    k = r / angle
    K = np.array([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]])
    return np.eye(3) + np.sin(angle) * K + (1 - np.cos(angle)) * K @ K


def forward(mano, rest, global_rot, hand, shape, trans, pca=False, flat_hand_mean=False):
    """Vertices (Vx3) and FreiHAND-ordered joints (21x3), metres."""
    shapedirs = np.asarray(mano["shapedirs"])
    posedirs = np.asarray(mano["posedirs"])
    J_reg = np.asarray(mano["joint_regressor"])
    weights = np.asarray(mano["weights"])
    parents = mano["parents"]
    hand = np.asarray(hand, dtype=np.float64)
    if pca:
        hand = hand @ np.asarray(mano["hands_components"])[:len(hand)]
    if not flat_hand_mean:
        hand = hand + np.asarray(mano["hands_mean"])
    rots = [rodrigues(np.asarray(global_rot, dtype=np.float64))] + \
        [rodrigues(hand[3 * i:3 * i + 3]) for i in range(15)]
    beta = np.zeros(shapedirs.shape[2])
    beta[:len(shape)] = shape
    shaped = np.asarray(rest) + np.einsum("vcs,s->vc", shapedirs, beta)
    joints = J_reg @ shaped
    pose_map = np.concatenate([(R - np.eye(3)).reshape(-1) for R in rots[1:]])
    posed = shaped + np.einsum("vcp,p->vc", posedirs, pose_map)
    G = []
    for j in range(16):
        local = np.eye(4)
        local[:3, :3] = rots[j]
        local[:3, 3] = joints[j] - (joints[parents[j]] if parents[j] >= 0 else 0)
        G.append(local if parents[j] < 0 else G[parents[j]] @ local)
    A = []
    for j in range(16):
        a = G[j].copy()
        a[:3, 3] -= G[j][:3, :3] @ joints[j]
        A.append(a)
    A = np.stack(A)
    T = np.einsum("vj,jab->vab", weights, A)
    homo = np.concatenate([posed, np.ones((len(posed), 1))], 1)
    verts = np.einsum("vab,vb->va", T, homo)[:, :3] + trans
    mano_joints = np.stack([g[:3, 3] for g in G]) + trans
    all_joints = np.concatenate([mano_joints, verts[mano["tip_vertices"]]])
    return verts, all_joints[FREIHAND_FROM_MANO]
