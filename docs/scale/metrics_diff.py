#!/usr/bin/env python3
"""Compares two runs' metrics.json (timing keys left out): per experiment, how many metrics are equal and how far the
others moved. Usage: python3 docs/scale/metrics_diff.py BEFORE/metrics.json AFTER/metrics.json"""
import json,sys,math
TIMING=('seconds','minutes','elapsed','per_second','throughput','steps_per','action_share','_ms')
def flat(d,p=''):
    out={}
    if isinstance(d,dict):
        for k,v in d.items(): out.update(flat(v,f'{p}.{k}' if p else k))
    elif isinstance(d,list):
        for i,v in enumerate(d): out.update(flat(v,f'{p}[{i}]'))
    else: out[p]=d
    return out
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
print("| experiment | metrics in both | equal | differ | largest relative difference | only before | only after |")
print("|---|---|---|---|---|---|---|")
for exp in sorted(set(a['experiments'])|set(b['experiments'])):
    ea=a['experiments'].get(exp); eb=b['experiments'].get(exp)
    if ea is None: print(f"| {exp} | new experiment | | | | | |"); continue
    if eb is None: print(f"| {exp} | removed | | | | | |"); continue
    fa={k:v for k,v in flat(ea.get('metrics',{})).items() if not any(t in k.lower() for t in TIMING) and v is not None}
    fb={k:v for k,v in flat(eb.get('metrics',{})).items() if not any(t in k.lower() for t in TIMING) and v is not None}
    common=set(fa)&set(fb); eq=0; rel=0.0
    for k in common:
        va,vb=fa[k],fb[k]
        if va==vb: eq+=1; continue
        if isinstance(va,(int,float)) and isinstance(vb,(int,float)) and not isinstance(va,bool):
            d=abs(va-vb)/max(abs(va),abs(vb),1e-300); rel=max(rel,d)
        else: rel=max(rel,float('inf'))
    r = "—" if len(common)==eq else ("non-numeric" if rel==float('inf') else f"{rel:.2g}")
    print(f"| {exp} | {len(common)} | {eq} | {len(common)-eq} | {r} | {len(set(fa)-set(fb))} | {len(set(fb)-set(fa))} |")
