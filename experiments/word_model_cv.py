# Leave-one-file-out CV of the word reading: naive Bayes as vocabulary.rs vs logistic regression.
# Input: `cargo run --release --example dump_stems > /tmp/lr/stems.jsonl`. See experiments/word-model-lr.md.
import json, sys, numpy as np
from collections import defaultdict
from sklearn.linear_model import LogisticRegression
from scipy.sparse import csr_matrix
import warnings; warnings.filterwarnings("ignore")
P = ["Customer Obsession","Ownership","Invent and Simplify","Are Right, A Lot","Learn and Be Curious","Hire and Develop the Best","Insist on the Highest Standards","Think Big","Bias for Action","Frugality","Earn Trust","Dive Deep","Have Backbone; Disagree and Commit","Deliver Results","Strive to be Earth's Best Employer","Success and Scale Bring Broad Responsibility"]
K = 17
rows = [json.loads(l) for l in open('/tmp/lr/stems.jsonl')]
for r in rows:
    r['cls'] = [1+P.index(l) for l in r['lps'] if l in P] or [0]
files = sorted(set(r['file'] for r in rows))
A, MINS, MINW, MINLEAN = 1.0, 2, 2, 0.5

def vocab(train):
    n = defaultdict(int)
    for r in train:
        for s in r['stems']: n[s] += 1
    keep = sorted(s for s, c in n.items() if c >= MINS)
    return {s: i for i, s in enumerate(keep)}

def nb(train, test):
    V = vocab(train); cnt = np.zeros((len(V), K)); nc = np.zeros(K)
    for r in train:
        for c in r['cls']: nc[c] += 1
        for s in r['stems']:
            if s in V:
                for c in r['cls']: cnt[V[s], c] += 1
    lp = np.log((nc + A) / (nc.sum() + K * A)); ll = np.log((cnt + A) / (nc + 2 * A))
    out = []
    for r in test:
        idx = [V[s] for s in r['stems'] if s in V]
        if len(idx) < MINW: out.append((0, 0.0, 0)); continue
        lo = lp + ll[idx].sum(0); b = int(lo.argmax()); p = 1 / np.exp(lo - lo.max()).sum()
        rival = np.delete(ll[idx], b, axis=1).max(1); tell = int(((ll[idx, b] - rival) >= MINLEAN).sum())
        out.append((b, p, tell))
    return out

def lr(train, test, C, cw, dup=True):
    V = vocab(train); X = []; y = []
    for r in train:
        f = [V[s] for s in r['stems'] if s in V]
        for c in (r['cls'] if dup else r['cls'][:1]): X.append(f); y.append(c)
    def mat(F):
        ri = [i for i, f in enumerate(F) for _ in f]; ci = [j for f in F for j in f]
        return csr_matrix((np.ones(len(ci)), (ri, ci)), shape=(len(F), len(V)))
    m = LogisticRegression(C=C, class_weight=cw, max_iter=3000)
    m.fit(mat(X), y)
    F = [[V[s] for s in r['stems'] if s in V] for r in test]
    pr = m.predict_proba(mat(F)); W = m.coef_
    out = []
    for f, p in zip(F, pr):
        if len(f) < MINW: out.append((0, 0.0, 0)); continue
        b = int(p.argmax()); rival = np.delete(W[:, f], b, axis=0).max(0)
        out.append((b, float(p[b]), int(((W[b, f] - rival) > 0).sum())))
    return out

def cv(fn):
    res = [None] * len(rows)
    for f in files:
        tr = [r for r in rows if r['file'] != f]; ti = [i for i, r in enumerate(rows) if r['file'] == f]
        for i, o in zip(ti, fn(tr, [rows[i] for i in ti])): res[i] = o
    return res

def figures(res, t, tell=0):
    act = setup = hit = fs = read = right = 0
    for r, (b, p, tl) in zip(rows, res):
        ok = b != 0 and p >= t and tl >= tell
        if r['cls'] == [0]:
            setup += 1; fs += ok
        else:
            act += 1; hit += ok and b in r['cls']; read += ok; right += ok and b in r['cls']
    return hit / act, fs / setup, right / max(read, 1)

def at_false(res, target, tell=0):
    ts = sorted(set(p for b, p, _ in res if b != 0), reverse=True)
    best = None
    for t in ts:
        h, f, pr = figures(res, t, tell)
        if f <= target: best = (t, h, f, pr)
        else: break
    return best

models = {"NB (as vocabulary.rs)": lambda tr, te: nb(tr, te)}
for C in [0.1, 0.3, 1, 3, 10]:
    for cw in [None, "balanced"]:
        models[f"LR C={C} {cw or 'none'}"] = (lambda C, cw: lambda tr, te: lr(tr, te, C, cw))(C, cw)
models["LR C=1 none, no dup"] = lambda tr, te: lr(tr, te, 1, None, False)
print(f"{len(rows)} sentences, {sum(r['cls']!=[0] for r in rows)} act, {sum(r['cls']==[0] for r in rows)} setup, {len(files)} files")
allres = {}
for name, fn in models.items():
    res = cv(fn); allres[name] = res
    line = f"{name:28s}"
    for tell in ([0, 1] if name.startswith("NB") else [0]):
        for tgt in [0.03, 0.05, 0.08]:
            t, h, f, pr = at_false(res, tgt, tell)
            line += f" | f<={tgt}: t={t:.3f} hit={h:.3f} fal={f:.3f} prec={pr:.3f}"
        if name.startswith("NB"):
            h, f, pr = figures(res, 0.9, tell); line += f" | @0.9 tell>={tell}: hit={h:.3f} fal={f:.3f} prec={pr:.3f}\n{'':28s}"
    print(line, flush=True)
import pickle; pickle.dump(allres, open('/tmp/lr/res.pkl', 'wb'))
# --- the matched-precision and matched-error views (word-model-lr.md)
def best(res, maxf, minp, tell=0):
    out = None
    for t in sorted(set(p for b,p,_ in res if b!=0)):
        h,f,pr = figures(res,t,tell)
        if f<=maxf and pr>=minp and (out is None or h>out[1]): out=(t,h,f,pr)
    return out
nbres = allres["NB (as vocabulary.rs)"]
for tgt in [0.03,0.05,0.08]:
    _,_,_,nbp = at_false(nbres,tgt)
    print(f"--- false<={tgt}, precision>= NB's {nbp:.3f}")
    for name,res in allres.items():
        b = best(res,tgt,nbp)
        print(f"  {name:28s}", "none" if b is None else f"t={b[0]:.3f} hit={b[1]:.3f} fal={b[2]:.3f} prec={b[3]:.3f}")
print("=== hit at matched count of wrong readings (setup read + act read as a principle it does not show)")
def wrong(res,t,tell=0):
    w=0;hit=0;act=0
    for r,(b,p,tl) in zip(rows,res):
        ok=b!=0 and p>=t and tl>=tell
        if r['cls']==[0]: w+=ok
        else: act+=1; hit+= ok and b in r['cls']; w+= ok and b not in r['cls']
    return w,hit/act
curves={n:[(t,)+wrong(res,t) for t in sorted(set(p for b,p,_ in res if b!=0))] for n,res in allres.items()}
for nbt in [0.976,0.96,0.924,0.9]:
    W,h=wrong(nbres,nbt)
    line=f"NB t={nbt}: wrong={W} hit={h:.3f} ||"
    for n,c in curves.items():
        if n.startswith("NB"): continue
        cand=[x for x in c if x[1]<=W]
        b=max(cand,key=lambda x:x[2]) if cand else None
        line+=f" {n.replace('LR ','')}: {b[2]:.3f}(t={b[0]:.2f}) |"
    print(line)
print("=== product point: NB t=0.9 with min_telling 1, vs LR with its telling gate (>=1 present stem whose weight for the class beats every other class's)")
W,h=wrong(nbres,0.9,1); _,f,pr=figures(nbres,0.9,1); print(f"NB: wrong={W} hit={h:.3f} fal={f:.3f} prec={pr:.3f}")
for n,res in allres.items():
    if n.startswith("NB"): continue
    c=[(t,)+wrong(res,t,1) for t in sorted(set(p for b,p,_ in res if b!=0))]
    b=max([x for x in c if x[1]<=W],key=lambda x:x[2]); _,f,pr=figures(res,b[0],1)
    print(f"  {n:28s} t={b[0]:.3f} wrong={b[1]} hit={b[2]:.3f} fal={f:.3f} prec={pr:.3f}")
print("=== lenient: a reading on an act sentence is right if its principle is among the answer's (answer_lps), as eval_principles counts precision")
for r in rows: r['ans']=[1+P.index(l) for l in r['answer_lps'] if l in P]
def wrong2(res,t,tell=0):
    w=0;hit=0;act=0;read=0;ok2=0;fs=0;setup=0
    for r,(b,p,tl) in zip(rows,res):
        ok=b!=0 and p>=t and tl>=tell
        if r['cls']==[0]: w+=ok; fs+=ok; setup+=1
        else:
            act+=1; hit+= ok and b in r['cls']; read+=ok; good= ok and (b in r['cls'] or b in r['ans']); ok2+=good; w+= ok and not good
    return w,hit/act,fs/setup,ok2/max(read,1)
for tell in [0,1]:
  for nbt in [0.96,0.924,0.9]:
    W,h,f,pr=wrong2(nbres,nbt,tell)
    print(f"NB t={nbt} tell>={tell}: wrong={W} hit={h:.3f} fal={f:.3f} prec_ans={pr:.3f}")
    for n in ["LR C=0.3 balanced","LR C=1 none","LR C=1 balanced","LR C=1 none, no dup"]:
        c=[(t,)+wrong2(allres[n],t,tell) for t in sorted(set(p for b,p,_ in allres[n] if b!=0))]
        b=max([x for x in c if x[1]<=W],key=lambda x:x[2])
        print(f"    {n:24s} t={b[0]:.3f} wrong={b[1]} hit={b[2]:.3f} fal={b[3]:.3f} prec_ans={b[4]:.3f}")
print("=== brief's criterion, lenient precision: best LR hit with false <= NB's and prec_ans >= NB's")
for tell in [0,1]:
  for nbt in [0.96,0.924,0.9]:
    W,h,f,pr=wrong2(nbres,nbt,tell)
    line=f"NB t={nbt} tell>={tell}: hit={h:.3f} fal={f:.3f} prec_ans={pr:.3f} ||"
    for n in ["LR C=0.3 balanced","LR C=1 none","LR C=1 balanced","LR C=3 balanced"]:
        c=[(t,)+wrong2(allres[n],t,tell) for t in sorted(set(p for b,p,_ in allres[n] if b!=0))]
        c=[x for x in c if x[3]<=f and x[4]>=pr]
        b=max(c,key=lambda x:x[2]) if c else None
        line+=f" {n[3:]}: hit={b[2]:.3f} fal={b[3]:.3f} t={b[0]:.2f} |"
    print(line)
