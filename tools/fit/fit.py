#!/usr/bin/python3
"""Fit the combat model of game/rules/combat.go to CDB90 analytically; see README.md."""
import csv, math, json, sys
import numpy as np
from scipy.optimize import minimize
from scipy.stats import norm
import os
rows=list(csv.DictReader(open(os.environ.get('CDB90', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../shared/data/cdb90/calibration.csv')))))
def num(x):
    try:
        v=float(x); return v if v>=0 else None
    except: return None
POST={'HD':0,'PD':1,'FD':2,'DL':3,'WD':3}
B=[]
for r in rows:
    a=float(r['A']); d=float(r['D'])
    def pair(ka,kd):
        x=num(r[ka]); y=num(r[kd])
        if x is not None and y is not None: return int(x),int(y)
        if x is not None: return int(x), int(x*d/a)
        if y is not None: return int(y*a/d), int(y)
        return 0,0
    ga,gd=pair('artyA','artyD'); ta,td=pair('tankA','tankD'); ca,cd=pair('cavA','cavD')
    ca=min(ca,a)
    rel={'R':1,'G':2}.get(r['relief'],0); cov={'M':1,'W':2}.get(r['cover'],0)
    urban=r['special']=='U'; marsh=r['special']=='M'
    wet=r['wx_prec']=='W'
    wx=2 if wet and r['wx_temp']=='C' else (1 if wet else (4 if r['wx_temp']=='H' else 0))
    s=int(float(r['surpa'])) if r['surpa'] not in ('',) else 0
    air=float(r['aeroa']); air=int(air) if air in (1,-1) else 0
    days=max(1,int(float(r['days'])))
    B.append(dict(a=a,d=d,ga=ga,gd=gd,ta=ta,td=td,ca=ca,rel=rel,cov=cov,urban=urban,marsh=marsh,wx=wx,winter=r['wx_season']=='W',
      s=s,air=air,days=days,post=POST.get(r['post'],0),postname=r['post'],win=1 if r['wina']=='1' else 0,
      casA=num(r['casA']),casD=num(r['casD']),ratio=a/d))
y=np.array([b['win'] for b in B])
# parameter vector layout
names=['OutSigma','LossA0','LossA1','LossA2','LossA3','LossD0','LossD1','LossD2','LossD3','Hold0','Hold1','Hold2','Hold3','RW0','RW1','RW2','RW3',
 'ExpA','ExpD','DurExp','SizeExp','LossW','AbsW','Ov','OvAt','Bias','SS','AS','RuggedHold','UrbanHold','SLD','Rain','Snow','Heat','Winter','Rel1','Rel2','CoverStep','Urban','Marsh','SurpP1','SurpP2','SurpP3','AirP']
bounds={'OutSigma':(0.3,1.5),'LossA0':(0.005,0.2),'LossA1':(0.005,0.2),'LossA2':(0.003,0.2),'LossA3':(0.002,0.2),'LossD0':(0.005,0.3),'LossD1':(0.005,0.3),'LossD2':(0.005,0.3),'LossD3':(0.002,0.3),
 'Hold0':(-2,2),'Hold1':(-2,2),'Hold2':(-3,2),'Hold3':(-2,2),'RW0':(0,2),'RW1':(0,2),'RW2':(0,2),'RW3':(0,2),'ExpA':(0.3,0.6),'ExpD':(0.3,0.6),'DurExp':(0.3,0.9),'SizeExp':(0,0.3),
 'LossW':(0.1,1.5),'AbsW':(0,1),'Ov':(0,3),'OvAt':(2,8),'Bias':(-1.5,1.5),'SS':(0,1.5),'AS':(0,2),'RuggedHold':(-1,-0.05),'UrbanHold':(-1,-0.05),'SLD':(0,0.5),
 'Rain':(0.7,1),'Snow':(0.6,1),'Heat':(0.7,1),'Winter':(0.7,1),'Rel1':(1.05,1.3),'Rel2':(1.3,1.8),'CoverStep':(0.05,0.2),'Urban':(1.2,1.6),'Marsh':(1.1,1.4),
 'SurpP1':(1,1.3),'SurpP2':(1,1.6),'SurpP3':(1,2.2),'AirP':(1,1.5)}
FIXED=dict(P=[1.3,1.5,1.9,1.2], LossSigma=1.2, OutSigma=1.072, WGun=30, WArm=40, CavOpen=0.3, CavRough=-0.2)
def model(v, detail=False):
    P=dict(zip(names,v))
    ps=[];cA=[];cD=[]
    for b in B:
        pa=b['a']+30*b['ga']+40*b['ta']; pd=b['d']+30*b['gd']+40*b['td']
        post=b['post']
        pd*=FIXED['P'][post]
        rel=[1,P['Rel1'],P['Rel2']][b['rel']]
        t=rel*(1+P['CoverStep']*b['cov'])
        if b['urban']: t*=P['Urban']
        if b['marsh']: t*=P['Marsh']
        pd*=t
        if b['ca']>0:
            cf=0
            if b['urban'] or b['marsh'] or b['rel']==2: cf=FIXED['CavRough']
            elif b['rel']==0 and b['cov']==0: cf=FIXED['CavOpen']
            pa*=1+cf*min(1,b['ca']/b['a'])
        pa*=[1,P['Rain'],P['Snow'],0.6,P['Heat']][b['wx']]
        if b['winter']: pa*=P['Winter']
        s=b['s']; sp=[1,P['SurpP1'],P['SurpP2'],P['SurpP3']]
        if s>0: pa*=sp[s]
        if s<0: pd*=sp[-s]
        if b['air']>0: pa*=P['AirP']
        if b['air']<0: pd*=P['AirP']
        lnR=max(-4,min(4,math.log(pa/pd)))
        size=lambda n: min(4,max(0.3,math.exp(P['SizeExp']*math.log(10000/max(n,50)))))
        rA=P['LossA%d'%post]*size(b['a'])*math.exp(-P['ExpA']*lnR)
        rD=P['LossD%d'%post]*size(b['d'])*math.exp(P['ExpD']*lnR)
        if s>0: rD*=1+P['SLD']*s
        days=b['days']; dur=days**(1-P['DurExp'])
        sc=P['Bias']+P['Hold%d'%post]+P['RW%d'%post]*lnR
        R=math.exp(lnR)
        if R>P['OvAt']: sc+=P['Ov']*(lnR-math.log(P['OvAt']))
        sc+=P['SS']*s+P['AS']*b['air']
        if b['rel']==2: sc+=P['RuggedHold']
        if b['urban']: sc+=P['UrbanHold']
        sc+=P['LossW']*(math.log(rD/rA)-P['AbsW']*math.log(b['a']/b['d']))
        sd=math.sqrt(P['OutSigma']**2+2*(P['LossW']*FIXED['LossSigma'])**2)
        ps.append(norm.cdf(sc/sd))
        cA.append(min(0.9,rA*dur)/days); cD.append(min(0.9,rD*dur)/days)
    return np.array(ps), np.array(cA), np.array(cD)
def summary(v):
    p,cA,cD=model(v)
    acc=np.mean((p>0.5)==(y==1)); brier=np.mean((p-y)**2)
    bins=[(0,1),(1,1.5),(1.5,2),(2,3),(3,5),(5,1e9)]
    bd=[]
    for lo,hi in bins:
        idx=[i for i,b in enumerate(B) if lo<=b['ratio']<hi]
        bd.append((np.mean(y[idx]), np.mean(p[idx])))
    rates=[]
    for post in ['all','FD','PD','HD']:
        ia=[i for i,b in enumerate(B) if (post=='all' or b['postname']==post) and b['casA'] is not None]
        idd=[i for i,b in enumerate(B) if (post=='all' or b['postname']==post) and b['casD'] is not None]
        rA=np.median([B[i]['casA']/B[i]['a']/B[i]['days'] for i in ia]); mA=np.median(cA[ia])
        rD=np.median([B[i]['casD']/B[i]['d']/B[i]['days'] for i in idd]); mD=np.median(cD[idd])
        rates.append((post,rA,mA,rD,mD))
    return acc,brier,bd,rates,p
def obj(v):
    acc,brier,bd,rates,p=summary(v)
    pc=np.clip(p,1e-6,1-1e-6)
    J=-np.mean(y*np.log(pc)+(1-y)*np.log(1-pc))
    for rec,mod in bd: J+=3*max(0,abs(rec-mod)-0.05)**2
    for post,rA,mA,rD,mD in rates:
        for r_,m_ in ((rA,mA),(rD,mD)): J+=0.5*max(0,abs(math.log(m_/r_))-math.log(1.25))**2
    P=dict(zip(names,v))
    J+=10*max(0,P['Hold1']-P['Hold0'])**2+10*max(0,P['Hold2']-P['Hold1'])**2+10*max(0,P['LossA2']-P['LossA0']*0.9)**2
    J+=10*max(0,P['SurpP1']-P['SurpP2'])**2+10*max(0,P['SurpP2']-P['SurpP3'])**2
    # the whole effect of posture on the odds, at equal men, never favours the attacker as the defence deepens
    for lnr0 in (-1.0,0.0,1.0,2.0):
        eff=[]
        for k in range(3):
            lnR=lnr0-math.log(FIXED['P'][k]/1.3)
            e=P['Hold%d'%k]+P['RW%d'%k]*lnR+P['LossW']*(math.log(P['LossD%d'%k]/P['LossA%d'%k])+(P['ExpA']+P['ExpD'])*lnR)
            if math.exp(lnR)>P['OvAt']: e+=P['Ov']*(lnR-math.log(P['OvAt']))
            eff.append(e)
        J+=10*max(0,eff[1]-eff[0]+0.01)**2+10*max(0,eff[2]-eff[1]+0.05)**2
    # the accuracy `ili calibrate --reps 200` would print: its expectation
    # less two standard deviations, so that no seed falls short
    se=np.sqrt(np.clip(p*(1-p),1e-4,None)/200)
    q=norm.cdf((2*y-1)*(p-0.5)/se)
    eacc=np.mean(q); sdacc=math.sqrt(np.sum(q*(1-q)))/len(q)
    J-=2*(eacc-2*sdacc)
    J+=0.2*max(0, 0.69-acc)
    return J
start=dict(OutSigma=1.072,LossA0=0.0613,LossA1=0.0279,LossA2=0.0273,LossA3=0.009,LossD0=0.0981,LossD1=0.0766,LossD2=0.0418,LossD3=0.005,Hold0=0.099,Hold1=-0.132,Hold2=-1.304,Hold3=-0.723,
 RW0=0,RW1=0,RW2=0.456,RW3=0.629,ExpA=0.652,ExpD=0.361,DurExp=0.443,SizeExp=0.084,LossW=0.644,AbsW=0.547,Ov=3,OvAt=2.85,Bias=0.193,SS=0.424,AS=0.679,RuggedHold=-0.3,UrbanHold=-0.2,SLD=0.424,
 Rain=0.9,Snow=0.8,Heat=0.9,Winter=0.9,Rel1=1.15,Rel2=1.4,CoverStep=0.1,Urban=1.3,Marsh=1.2,SurpP1=1.15,SurpP2=1.3,SurpP3=1.5,AirP=1.2)
if len(sys.argv)>1: start.update(json.load(open(sys.argv[1])))
v0=np.array([start[n] for n in names])
acc,brier,bd,rates,p=summary(v0); print('start acc',acc,'brier',brier)
res=minimize(obj,v0,method='Powell',bounds=[bounds[n] for n in names],options={'maxiter':20000,'xtol':1e-3,'ftol':1e-6})
acc,brier,bd,rates,p=summary(res.x)
p_,_,_=model(res.x); se=np.sqrt(np.clip(p_*(1-p_),1e-4,None)/200); q=norm.cdf((2*y-1)*(p_-0.5)/se); print('E[acc@200]',round(np.mean(q),3),'sd',round(math.sqrt(np.sum(q*(1-q)))/len(q),3))
print('acc',round(acc,3),'brier',round(brier,4),'near-half',int(np.sum(abs(p-0.5)<0.06)))
for (lo,(rec,mod)) in zip(['<1','1-1.5','1.5-2','2-3','3-5','>5'],bd): print(lo, round(rec,2), round(mod,2))
for r in rates: print(r[0], 'A', round(r[1]*100,2), round(r[2]*100,2), 'D', round(r[3]*100,2), round(r[4]*100,2))
out={n:round(float(x),4) for n,x in zip(names,res.x)}
json.dump(out,sys.stdout,indent=1); print()
