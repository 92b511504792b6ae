#!/usr/bin/env python3
"""manas-1945: northern Xinjiang from the Ili valley to Dihua, Tarbagatay and the
Altai, 10 km hexes. Town coordinates follow the brief's gazetteer; mountain, desert
and lake outlines are drawn by hand from general maps, to a hex or two."""
from mapgen import Map

m = Map(48.05, 80.6, 10, 62, 56, default='plain', standard_lat=45.8)
# Dzungarian basin: the Gurbantunggut sands and the gravel desert around them.
m.poly('desert', [(46.6, 84.6), (46.3, 86.5), (46.2, 88.7), (44.75, 88.7), (44.65, 86.9), (44.75, 85.0), (45.3, 84.3)])
m.poly('desert', [(47.3, 84.6), (47.0, 86.2), (46.6, 87.6), (46.6, 88.7), (47.3, 88.7), (47.1, 86.8)])
# Tian Shan: Borohoro and Iren Habirga ranges south of the oasis belt.
m.poly('mountain', [(44.55, 80.6), (44.55, 81.6), (44.35, 82.6), (44.15, 83.8), (43.95, 85.0), (43.85, 86.5), (43.55, 87.3), (43.3, 88.0), (43.3, 80.6 + 3.0), (43.95, 81.9), (44.3, 80.6)])
m.poly('glacier', [(43.95, 85.3), (43.95, 85.7), (43.8, 85.8), (43.8, 85.2)])
m.poly('mountain', [(43.3, 82.8), (43.75, 83.0), (43.7, 84.5), (43.3, 84.5)])
# The Ili valley (farmland) and the Dzungarian Alatau to its north-west.
m.poly('farm', [(44.28, 80.6), (44.1, 81.7), (43.85, 82.4), (43.55, 82.2), (43.5, 80.6)])
m.poly('mountain', [(45.25, 80.6), (45.2, 81.6), (44.95, 82.1), (44.7, 81.9), (44.55, 80.6)])
# Barlik and Tarbagatai ranges around the Tarbagatay basin.
m.poly('mountain', [(46.1, 82.2), (45.9, 83.4), (45.5, 84.0), (45.45, 83.0), (45.6, 82.3)])
m.poly('mountain', [(47.35, 82.0), (47.3, 83.6), (47.05, 84.4), (46.95, 83.6), (47.05, 82.0)])
m.poly('hills', [(46.95, 84.4), (46.3, 84.6), (45.9, 84.3), (45.9, 83.6), (46.4, 83.9)])
m.poly('farm', [(46.85, 82.6), (46.85, 83.8), (46.35, 83.9), (46.4, 82.6)])
# Altai mountains in the north-east.
m.poly('mountain', [(48.05, 86.2), (48.05, 88.7), (47.45, 88.7), (47.75, 87.4), (47.9, 86.6)])
m.poly('hills', [(47.75, 87.4), (47.45, 88.7), (47.2, 88.7), (47.5, 87.6)])
# The oasis belt along the northern foot of the Tian Shan.
m.strip('farm', [(44.62, 82.6), (44.5, 84.0), (44.42, 84.8), (44.3, 85.9), (44.25, 86.6), (44.0, 87.3), (43.8, 87.7)], 22)
m.strip('farm', [(47.75, 86.4), (47.9, 87.6), (47.86, 88.3)], 14)  # Irtysh valley around Burqin and Chenghua
# Lakes.
m.disc('lake', 44.6, 81.16, 10)                      # Sayram
m.poly('lake', [(45.05, 82.7), (45.0, 83.2), (44.8, 83.25), (44.78, 82.8)])  # Ebinur
m.strip('marsh', [(45.1, 82.5), (44.75, 82.5), (44.72, 83.4), (45.0, 83.4)], 8)
m.poly('lake', [(47.35, 87.0), (47.3, 87.55), (47.1, 87.5), (47.15, 87.05)])  # Ulungur
m.poly('lake', [(45.7, 85.8), (45.65, 86.1), (45.5, 86.0)])                    # Manas lake
# Passes.
m.set('pass', 44.4, 81.1)      # Talki / Ertai pass (Guozigou)
m.set('plain', 45.35, 82.42)   # the Dzungarian Gate itself is a windswept corridor
# Rivers.
m.river('Ili River', 'major', [(43.72, 80.6), (43.85, 81.3), (43.8, 82.0), (43.75, 82.5)])
m.river('Manas River', 'major', [(43.9, 86.05), (44.3, 86.12), (44.9, 86.2), (45.5, 86.0)])
m.river('Kuytun River', 'minor', [(44.05, 84.95), (44.5, 84.85), (44.9, 84.7)])
m.river('Black Irtysh', 'major', [(47.7, 88.7), (47.8, 87.7), (47.7, 86.8), (47.55, 86.0), (47.5, 85.4)])
# Roads.
m.road('Ghulja-Dihua road', 'road', [(43.91, 81.33), (44.07, 81.05), (44.4, 81.1), (44.55, 81.45), (44.67, 82.92),
                                     (44.45, 84.62), (44.43, 84.9), (44.27, 85.94), (44.28, 86.22), (44.0, 87.3), (43.77, 87.68)])
m.road('Suiding road', 'road', [(44.07, 81.05), (44.07, 80.87), (44.2, 80.6)])
m.road('Tarbagatay road', 'road', [(46.74, 82.96), (46.52, 83.62), (45.9, 83.6), (45.3, 84.2), (44.45, 84.62)])
m.road('Dzungarian Gate track', 'track', [(45.6, 82.0), (45.35, 82.42), (44.95, 82.55), (44.67, 82.92)])
m.road('Dushanzi road', 'track', [(44.43, 84.9), (44.33, 84.88)])
m.road('Altai track', 'track', [(47.86, 88.14), (47.7, 86.9), (47.42, 85.84)])
m.road('Desert track to Dihua', 'track', [(47.86, 88.14), (47.0, 87.8), (46.0, 87.9), (44.9, 87.9), (44.0, 87.6), (43.77, 87.68)])
m.road('Chuguchak border road', 'road', [(46.74, 82.96), (46.75, 82.4)])
print(m.toml())
P = [('ghulja', 43.91, 81.33), ('suiding', 44.07, 80.87), ('talki', 44.4, 81.1), ('horgos', 44.17, 80.62), ('jinghe', 44.67, 82.92),
     ('gate', 45.35, 82.42), ('gate-border', 45.6, 82.05), ('wusu', 44.45, 84.62), ('dushanzi', 44.33, 84.88), ('shihezi', 44.27, 85.94),
     ('manas', 44.28, 86.22), ('dihua', 43.77, 87.68), ('chuguchak', 46.74, 82.96), ('bakhty', 46.75, 82.4), ('emin', 46.52, 83.62),
     ('chenghua', 47.86, 88.14), ('jeminay', 47.42, 85.84), ('daheyan', 44.6, 82.4)]
for n, la, lo in P:
    c, r = m.hexat(la, lo)
    print('# %s %d %d %s' % (n, c, r, m.t[r][c]))

for name, kind, path in m.roads:
    bad = [(c, r) for c, r in path if m.t[r][c] in ('lake', 'glacier')]
    if bad:
        print('# WARNING road', name, 'crosses', bad)
