#!/usr/bin/env python3
"""ghulja-1944: Ghulja (Yining) and its airfield, 400 m hexes. Street plan and
the positions of the power station, police station, barracks and temple are
estimates (see the scenario's place notes). The city centre is the Yining municipal
seat (43.908, 81.278); the brief's gazetteer has 43.91, 81.33, about 4 km east of it
(issue 13), and the whole plan, with the airfield at the north edge of the city, was
moved west with it, so that no hex changed."""
from mapgen import Map

m = Map(43.962, 81.218, 0.4, 24, 29, default='farm')
# The Ili River south of the city, with its flood plain.
m.strip('marsh', [(43.884, 81.208), (43.882, 81.248), (43.880, 81.288), (43.878, 81.348)], 0.9)
m.river('Ili River', 'major', [(43.880, 81.208), (43.878, 81.248), (43.876, 81.288), (43.874, 81.348)])
# Open ground around the airfield north of the city.
m.box('plain', 43.94, 43.966, 81.248, 81.308)
# The old town (west and centre) and the New City (east).
m.poly('city', [(43.925, 81.253), (43.925, 81.278), (43.897, 81.278), (43.897, 81.253)])
m.poly('city', [(43.922, 81.278), (43.922, 81.300), (43.900, 81.300), (43.900, 81.278)])
m.poly('town', [(43.93, 81.238), (43.93, 81.308), (43.892, 81.308), (43.892, 81.238)])
m.poly('city', [(43.925, 81.253), (43.925, 81.300), (43.897, 81.300), (43.897, 81.253)])
m.set('town', 43.953, 81.266)  # the Kuei Wang temple compound
m.road('Road to Suiding and the Talki pass', 'road', [(43.912, 81.278), (43.925, 81.248), (43.945, 81.218)])
m.road('Road to the airfield', 'road', [(43.912, 81.278), (43.95, 81.278)])
m.road('Road east to Nilka', 'road', [(43.912, 81.278), (43.905, 81.308), (43.90, 81.348)])
m.road('Ferry road to the Ili', 'track', [(43.912, 81.278), (43.884, 81.268)])
print(m.toml())
for name, la, lo in [('ghulja', 43.908, 81.278), ('airfield', 43.95, 81.278), ('temple', 43.953, 81.266)]:
    print('#', name, m.hexat(la, lo))
for name, la, lo in [('new-city', 43.913, 81.293), ('police', 43.908, 81.285), ('power', 43.899, 81.270),
                     ('barracks', 43.924, 81.295), ('west-road', 43.940, 81.220), ('east-road', 43.898, 81.335)]:
    print('#', name, m.hexat(la, lo), m.t[m.hexat(la, lo)[1]][m.hexat(la, lo)[0]])
