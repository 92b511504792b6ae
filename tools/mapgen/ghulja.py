#!/usr/bin/env python3
"""ghulja-1944: Ghulja (Yining) and its airfield, 400 m hexes. Street plan and
the positions of the power station, police station, barracks and temple are
estimates (see the scenario's place notes); the city centre and the airfield
follow the brief's gazetteer."""
from mapgen import Map

m = Map(43.962, 81.27, 0.4, 24, 29, default='farm')
# The Ili River south of the city, with its flood plain.
m.strip('marsh', [(43.884, 81.26), (43.882, 81.30), (43.880, 81.34), (43.878, 81.40)], 0.9)
m.river('Ili River', 'major', [(43.880, 81.26), (43.878, 81.30), (43.876, 81.34), (43.874, 81.40)])
# Open ground around the airfield north of the city.
m.box('plain', 43.94, 43.966, 81.30, 81.36)
# The old town (west and centre) and the New City (east).
m.poly('city', [(43.925, 81.305), (43.925, 81.33), (43.897, 81.33), (43.897, 81.305)])
m.poly('city', [(43.922, 81.33), (43.922, 81.352), (43.900, 81.352), (43.900, 81.33)])
m.poly('town', [(43.93, 81.29), (43.93, 81.36), (43.892, 81.36), (43.892, 81.29)])
m.poly('city', [(43.925, 81.305), (43.925, 81.352), (43.897, 81.352), (43.897, 81.305)])
m.set('town', 43.953, 81.318)  # the Kuei Wang temple compound
m.road('Road to Suiding and the Talki pass', 'road', [(43.912, 81.33), (43.925, 81.30), (43.945, 81.27)])
m.road('Road to the airfield', 'road', [(43.912, 81.33), (43.95, 81.33)])
m.road('Road east to Nilka', 'road', [(43.912, 81.33), (43.905, 81.36), (43.90, 81.40)])
m.road('Ferry road to the Ili', 'track', [(43.912, 81.33), (43.884, 81.32)])
print(m.toml())
for name, la, lo in [('ghulja', 43.91, 81.33), ('airfield', 43.95, 81.33), ('temple', 43.953, 81.318)]:
    print('#', name, m.hexat(la, lo))
for name, la, lo in [('new-city', 43.913, 81.345), ('police', 43.908, 81.337), ('power', 43.899, 81.322),
                     ('barracks', 43.924, 81.347), ('west-road', 43.940, 81.272), ('east-road', 43.898, 81.387)]:
    print('#', name, m.hexat(la, lo), m.t[m.hexat(la, lo)[1]][m.hexat(la, lo)[0]])
