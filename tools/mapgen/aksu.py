#!/usr/bin/env python3
"""aksu-1946: the Tian Shan between the Tekes valley and the Tarim oases of Aksu,
Baicheng and Kucha, 8 km hexes. Towns from the brief's gazetteer; the Muzart route
from Schomberg's account (Xiate to Pochengzi about 120 km); ranges and glaciers drawn
by hand from general maps."""
from mapgen import Map

m = Map(43.45, 79.8, 8, 36, 41, default='desert', standard_lat=42.2)
# Northern valleys: Tekes and Zhaosu.
m.poly('plain', [(43.45, 79.8), (43.45, 83.3), (42.95, 83.3), (42.9, 82.2), (42.95, 80.6), (43.0, 79.8)])
m.poly('farm', [(43.35, 80.8), (43.4, 82.2), (43.1, 82.2), (43.0, 80.9)])
# The main Tian Shan, with glaciers along the crest and the Tomur massif.
m.poly('mountain', [(43.0, 79.8), (42.95, 80.6), (42.9, 82.2), (42.95, 83.3), (42.0, 83.3), (42.05, 82.4), (41.95, 81.2), (41.9, 79.8)])
m.poly('glacier', [(42.35, 79.8), (42.4, 80.55), (42.2, 80.6), (42.0, 80.3), (41.95, 79.8)])
m.poly('glacier', [(42.55, 80.85), (42.6, 82.0), (42.35, 82.6), (42.25, 81.5), (42.3, 80.85)])
# Southern foothills.
m.poly('hills', [(41.95, 79.8), (41.95, 81.2), (42.05, 82.4), (42.0, 83.3), (41.8, 83.3), (41.75, 82.4), (41.65, 80.8), (41.45, 79.8)])
# Oases: Aksu and Wensu, the Baicheng basin, Kucha.
m.poly('farm', [(41.45, 79.95), (41.45, 80.6), (41.0, 80.6), (40.95, 79.95)])
m.poly('farm', [(41.95, 81.4), (41.95, 82.2), (41.7, 82.2), (41.7, 81.4)])
m.poly('farm', [(41.8, 82.7), (41.8, 83.3), (41.55, 83.3), (41.55, 82.7)])
# The Muzart route: glacier, then the pass, then the valley down to Pochengzi.
m.strip('pass', [(42.75, 80.95), (42.55, 80.8), (42.4, 80.7), (42.15, 80.72), (41.98, 80.75)], 9)
m.river('Aksu River', 'major', [(41.75, 80.1), (41.3, 80.45), (40.9, 80.6)])
m.river('Tekes River', 'major', [(43.05, 80.2), (43.2, 81.4), (43.35, 82.2), (43.45, 82.8)])
m.road('Dihua-Kashgar road', 'road', [(41.62, 83.3), (41.68, 82.97), (41.82, 81.84), (41.55, 81.0), (41.15, 80.29), (40.95, 79.8)])
m.road('Wensu road', 'road', [(41.15, 80.29), (41.29, 80.24)])
m.road('Muzart track', 'track', [(41.29, 80.24), (41.98, 80.75), (42.4, 80.7), (42.75, 80.95), (43.15, 81.08)])
m.road('Tekes road', 'road', [(43.15, 81.08), (43.23, 81.81), (43.45, 82.3)])
print(m.toml())
P = [('aksu', 41.15, 80.29), ('wensu', 41.29, 80.24), ('baicheng', 41.82, 81.84), ('kucha', 41.68, 82.97), ('muzart', 42.4, 80.7),
     ('pochengzi', 41.98, 80.75), ('xiate', 42.75, 80.95), ('zhaosu', 43.15, 81.08), ('tekes', 43.23, 81.81), ('kashgar-road', 40.97, 79.82), ('korla-road', 41.62, 83.28)]
for n, la, lo in P:
    c, r = m.hexat(la, lo)
    print('# %s %d %d %s' % (n, c, r, m.t[r][c]))
for name, kind, path in m.roads:
    bad = [(c, r) for c, r in path if m.t[r][c] in ('lake', 'glacier')]
    if bad:
        print('# WARNING road', name, 'crosses', bad)
