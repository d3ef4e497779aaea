"""The journal's vocabularies: id -> label shown to people. Order is meaningful (body order, spine
outwards)."""

from __future__ import annotations

REGIONS: dict[str, str] = {
    "neck": "Neck",
    "upper_back": "Upper back",
    "mid_back": "Mid back",
    "lower_back": "Lower back",
    "buttock_sacrum": "Buttock / sacrum",
}
LIMBS: dict[str, str] = {
    "left_arm": "Left arm",
    "right_arm": "Right arm",
    "left_leg": "Left leg",
    "right_leg": "Right leg",
}
# How far radiating pain reaches, nearest the spine first.
LEG_EXTENTS: dict[str, str] = {
    "buttock": "Buttock",
    "thigh": "Thigh",
    "calf": "Calf",
    "foot": "Foot",
}
ARM_EXTENTS: dict[str, str] = {
    "shoulder": "Shoulder",
    "upper_arm": "Upper arm",
    "forearm": "Forearm",
    "hand": "Hand",
}
# Passive treatments logged with minutes and pain before/after (heat and ice first: the app began with them).
THERAPY_KINDS: dict[str, str] = {
    "heat": "Heat",
    "ice": "Ice",
    "tens": "TENS",
    "massage": "Massage / trigger-point release",
}
# The kinds the heat/ice safety guidance (and its over-20-minutes warning) applies to.
HEAT_ICE_KINDS = ("heat", "ice")
EXERCISE_STATUSES: dict[str, str] = {"done": "Done", "partial": "Partly done", "skipped": "Skipped"}
SKIP_REASONS: dict[str, str] = {
    "pain": "Pain",
    "no_time": "No time",
    "forgot": "Forgot",
    "other": "Other",
}
EVENT_KINDS: dict[str, str] = {
    "surgery": "Surgery",
    "injection": "Injection",
    "imaging": "Imaging",
    "diagnosis": "Diagnosis",
    "other": "Other",
}
PSFS_VERSIONS: dict[str, str] = {
    "1.0": "PSFS 1.0 (0 = unable, 10 = as before the problem)",
    "2.0": "PSFS 2.0 (0 = as before the problem, 10 = unable)",
}


def extents_for(limb: str) -> dict[str, str]:
    """The extents that apply to a limb (arm or leg)."""
    return ARM_EXTENTS if limb.endswith("_arm") else LEG_EXTENTS
