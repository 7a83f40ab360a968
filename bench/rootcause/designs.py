"""Exposure designs on the generator's onset mechanism alone (issue 15; docs/methods.md,
"Exposure: before onset"). Simulates the generator's timing -- registration over the period,
first assessment 0-90 days later, a problem caused by another opening 30-240 days after it and
any other 30-365 days after the assessment, onsets after the data end unseen -- for
child labour (CL) -> school drop-out (SD) -> delinquency (DQ) and street work (SW), caused by
CL only, and compares the Mantel-Haenszel odds ratio of each design with the truth. Then adds
the generator's family frailty and compares the risk ratio of a design with no time order at all
with the interventional risk ratio.
Usage: python3 bench/rootcause/designs.py  (numpy; about 6 s)."""
import numpy as np

rng = np.random.default_rng(1)
N = 400_000
START, END = 0, 1826  # 2021-01-01 .. 2025-12-31 as days
NEVER = 10**9
reg = rng.integers(START - 540, END - 90 + 1, N)
assessed = reg + rng.integers(0, 91, N)
expit = lambda x: 1 / (1 + np.exp(-x))
Z = rng.random(N) < 0.2  # a factor seen at the assessment, a cause of SD and DQ
CL = rng.random(N) < expit(-2.2)
SD = rng.random(N) < expit(-3.0 + 1.2 * CL + 1.0 * Z)  # true OR of CL: 3.32
DQ = rng.random(N) < expit(-3.0 + 1.1 * SD + 1.0 * Z)  # true OR of SD: 3.00
SW = rng.random(N) < expit(-3.0 + 1.0 * CL)  # SD and SW unlinked given CL: OR 1


def onset(latent, causes):
    cause = np.full(N, -NEVER)
    for present, day in causes:
        cause = np.where(present, np.maximum(cause, day), cause)
    day = np.where(cause > -NEVER, cause + 30 + rng.integers(0, 211, N),
                   assessed + 30 + rng.integers(0, 336, N))
    return np.where(latent & (day <= END), day, NEVER)


oCL = onset(CL, [])
oSD = onset(SD, [(CL, oCL)])
oDQ = onset(DQ, [(SD, oSD)])
oSW = onset(SW, [(CL, oCL)])


def mantel_haenszel(case, exposed, strata):
    num = den = 0.0
    for s in np.unique(strata):
        m = strata == s
        a = (case & exposed & m).sum(); b = (~case & exposed & m).sum()
        c = (case & ~exposed & m).sum(); d = (~case & ~exposed & m).sum()
        num += a * d / m.sum(); den += b * c / m.sum()
    return num / den


def designs(oC, oP, strata):
    case = oC < NEVER
    out = {}
    lag = int(np.median((oC - reg)[case]))
    out["old rule: non-cases at registration + median lag"] = mantel_haenszel(
        case, oP < np.where(case, oC, reg + lag), strata)
    # risk sets: each case against everyone still at risk the same days after registration
    t = np.where(case, oC - reg, NEVER); followed = END - reg
    controls = rng.choice(N, 40_000, replace=False)
    num = den = 0.0
    for i in rng.choice(np.where(case)[0], 3000, replace=False):
        at_risk = controls[(followed[controls] >= t[i]) & (t[controls] > t[i]) & (strata[controls] == strata[i])]
        exposed = oP[at_risk] < reg[at_risk] + t[i]
        if oP[i] < oC[i]:
            num += (~exposed).sum() / (len(at_risk) + 1)
        else:
            den += exposed.sum() / (len(at_risk) + 1)
    out["risk sets"] = num / den
    for L in (120, 240, 365):
        for W in (365, 730):
            keep = (reg + L + W <= END) & (oC > reg + L)
            out[f"landmark L={L} W={W}"] = mantel_haenszel(
                (oC <= reg + L + W)[keep], (oP <= reg + L)[keep], strata[keep])
    for W in (540, 730, 900):
        keep = reg + W <= END
        c = case & (oC <= reg + W)
        out[f"window {W} days (this rule)"] = mantel_haenszel(
            c[keep], (oP < np.where(c, oC, reg + W))[keep], strata[keep])
    return out


results = {
    "SD -> DQ (3.00)": designs(oDQ, oSD, Z.astype(int)),
    "CL -> SD (3.32)": designs(oSD, oCL, Z.astype(int)),
    "SW x SD unlinked (1)": designs(oSW, oSD, CL.astype(int)),
}
for design in next(iter(results.values())):
    print(f"{design:52s}" + "".join(f"{label}: {r[design]:5.2f}   " for label, r in results.items()))


# The family frailty of the generator's traps (Traps.STANDARD: sd 0.6 on the log-odds of every
# problem of every child of a family) is a common cause of every pair of problems that no
# recorded code measures. Even the design with no time order at all -- every problem known
# "ever", the confounder Z adjusted for exactly -- then misses the interventional risk ratio, the
# truth the generator's InterventionTruth computes; so do the time-ordered designs above.
def risk_ratio_mh(case, exposed, strata):
    num = den = 0.0
    for s in np.unique(strata):
        m = strata == s
        a = (case & exposed & m).sum(); n1 = (exposed & m).sum()
        c = (case & ~exposed & m).sum(); n0 = (~exposed & m).sum()
        num += a * n0 / m.sum(); den += c * n1 / m.sum()
    return num / den


print()
print("frailty sd   pair                       intervention RR   'ever' RR adjusted for Z   ratio")
for sd in (0.0, 0.6):
    F = sd * rng.standard_normal(N)  # one child per family here: a family's effect is the child's
    cl = rng.random(N) < expit(-2.2 + F)
    sd_ = rng.random(N) < expit(-3.0 + 1.2 * cl + 1.0 * Z + F)
    dq = rng.random(N) < expit(-3.0 + 1.1 * sd_ + 1.0 * Z + F)
    sw = rng.random(N) < expit(-3.0 + 1.0 * cl + F)
    truth_sd_dq = expit(-3.0 + 1.1 + 1.0 * Z + F).mean() / expit(-3.0 + 1.0 * Z + F).mean()
    p_sd1 = expit(-3.0 + 1.2 + 1.0 * Z + F); p_sd0 = expit(-3.0 + 1.0 * Z + F)
    truth_cl_sd = p_sd1.mean() / p_sd0.mean()
    for label, truth, case, exposed, strata in (
        ("SD -> DQ", truth_sd_dq, dq, sd_, Z.astype(int)),
        ("CL -> SD", truth_cl_sd, sd_, cl, Z.astype(int)),
        ("SW x SD unlinked", 1.0, sw, sd_, cl.astype(int)),
    ):
        ever = risk_ratio_mh(case, exposed, strata)
        print(f"{sd:10.1f}   {label:26s} {truth:15.2f}   {ever:24.2f}   {ever / truth:5.2f}")
