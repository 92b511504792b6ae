#!/usr/bin/env python3
"""Draw a scenario map from geography: terrain shapes, rivers and roads given in
latitude and longitude, turned into the [map] section of a scenario file with
the same projection as game/scenario/geo.go (equirectangular about the origin,
pointy-top hexes, odd rows shifted right). Each map has a small script beside
this one (ghulja.py, manas.py, ...) that describes it; run it to print TOML.
"""
import math

KM_LAT = 110.574
KM_LON = 111.320
LETTER = {'plain': '.', 'farm': 'f', 'desert': 'd', 'hills': 'h', 'mountain': 'm', 'pass': 'p',
          'glacier': 'g', 'marsh': 'w', 'lake': '~', 'town': 't', 'city': 'c'}


class Map:
    def __init__(self, origin_lat, origin_lon, hex_km, width, height, default='plain', standard_lat=0):
        self.lat0, self.lon0, self.km = origin_lat, origin_lon, hex_km
        self.w, self.h = width, height
        self.size = hex_km / math.sqrt(3)
        self.cos0 = math.cos(math.radians(standard_lat or origin_lat))
        self.t = [[default] * width for _ in range(height)]
        self.rivers = []  # (name, size, edges)
        self.roads = []   # (name, kind, path)

    # -- geometry -------------------------------------------------------------
    def xy(self, lat, lon):
        return (lon - self.lon0) * KM_LON * self.cos0, (self.lat0 - lat) * KM_LAT

    def center(self, c, r):
        q = c - (r - (r & 1)) // 2
        x = self.size * math.sqrt(3) * (q + r / 2)
        y = self.size * 1.5 * r
        return x, y

    def latlon(self, c, r):
        x, y = self.center(c, r)
        return self.lat0 - y / KM_LAT, self.lon0 + x / (KM_LON * self.cos0)

    def hexat(self, lat, lon):
        x, y = self.xy(lat, lon)
        px, py = x / self.size, y / self.size
        q = math.sqrt(3) / 3 * px - py / 3
        r = 2 / 3 * py
        s = -q - r
        rq, rr, rs = round(q), round(r), round(s)
        dq, dr, ds = abs(rq - q), abs(rr - r), abs(rs - s)
        if dq > dr and dq > ds:
            rq = -rr - rs
        elif dr > ds:
            rr = -rq - rs
        return rq + (rr - (rr & 1)) // 2, rr  # offset col, row

    def cells(self):
        for r in range(self.h):
            for c in range(self.w):
                yield c, r

    def inside(self, c, r):
        return 0 <= c < self.w and 0 <= r < self.h

    def neighbours(self, c, r):
        if r % 2 == 0:
            d = [(1, 0), (0, -1), (-1, -1), (-1, 0), (-1, 1), (0, 1)]
        else:
            d = [(1, 0), (1, -1), (0, -1), (-1, 0), (0, 1), (1, 1)]
        return [(c + a, r + b) for a, b in d if self.inside(c + a, r + b)]

    # -- painting -------------------------------------------------------------
    def paint(self, terrain, test):
        for c, r in self.cells():
            lat, lon = self.latlon(c, r)
            if test(lat, lon):
                self.t[r][c] = terrain

    def box(self, terrain, lat1, lat2, lon1, lon2):
        self.paint(terrain, lambda la, lo: min(lat1, lat2) <= la <= max(lat1, lat2) and min(lon1, lon2) <= lo <= max(lon1, lon2))

    def disc(self, terrain, lat, lon, radius_km):
        x0, y0 = self.xy(lat, lon)
        self.paint(terrain, lambda la, lo: math.dist(self.xy(la, lo), (x0, y0)) <= radius_km)

    def poly(self, terrain, pts):
        xy = [self.xy(a, b) for a, b in pts]
        def inpoly(la, lo):
            x, y = self.xy(la, lo)
            n, ins = len(xy), False
            for i in range(n):
                (x1, y1), (x2, y2) = xy[i], xy[(i + 1) % n]
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                    ins = not ins
            return ins
        self.paint(terrain, inpoly)

    def strip(self, terrain, pts, width_km):
        """Terrain within width_km/2 of a polyline (a valley floor, a ridge)."""
        xy = [self.xy(a, b) for a, b in pts]
        def near(la, lo):
            p = self.xy(la, lo)
            return any(seg_dist(p, xy[i], xy[i + 1]) <= width_km / 2 for i in range(len(xy) - 1))
        self.paint(terrain, near)

    def set(self, terrain, lat, lon):
        c, r = self.hexat(lat, lon)
        if self.inside(c, r):
            self.t[r][c] = terrain
        return c, r

    # -- rivers and roads -----------------------------------------------------
    def river(self, name, size, pts):
        """A river along hex edges: every edge whose centre-to-centre segment
        crosses the polyline."""
        xy = [self.xy(a, b) for a, b in pts]
        edges = set()
        for c, r in self.cells():
            for n in self.neighbours(c, r):
                a, b = self.center(c, r), self.center(*n)
                if any(cross(a, b, xy[i], xy[i + 1]) for i in range(len(xy) - 1)):
                    e = tuple(sorted([(c, r), n], key=lambda h: (h[1], h[0])))
                    edges.add(e)
        self.rivers.append((name, size, sorted(edges, key=lambda e: (e[0][1], e[0][0], e[1][1], e[1][0]))))

    def road(self, name, kind, pts):
        """A road through the hexes of the given points, hex-line between them."""
        path = []
        for la, lo in pts:
            h = self.hexat(la, lo)
            if not path:
                if self.inside(*h):
                    path.append(h)
                continue
            for step in hexline(path[-1], h)[1:]:
                if self.inside(*step):
                    path.append(step)
        self.roads.append((name, kind, path))

    # -- output ---------------------------------------------------------------
    def toml(self):
        out = ['[map]', 'width = %d' % self.w, 'height = %d' % self.h, 'rows = [']
        for row in self.t:
            out.append('  "%s",' % ''.join(LETTER[x] for x in row))
        out.append(']')
        for name, size, edges in self.rivers:
            out += ['', '[[map.river]]', 'name = "%s"' % name, 'size = "%s"' % size, 'edges = [']
            line = '  '
            for (a, b) in edges:
                item = '[%d,%d, %d,%d], ' % (a[0], a[1], b[0], b[1])
                if len(line) + len(item) > 100:
                    out.append(line.rstrip())
                    line = '  '
                line += item
            out += [line.rstrip(), ']']
        for name, kind, path in self.roads:
            out += ['', '[[map.road]]', 'name = "%s"' % name, 'kind = "%s"' % kind, 'path = [']
            line = '  '
            for c, r in path:
                item = '[%d,%d], ' % (c, r)
                if len(line) + len(item) > 100:
                    out.append(line.rstrip())
                    line = '  '
                line += item
            out += [line.rstrip(), ']']
        return '\n'.join(out)


def seg_dist(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0 if L == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / L))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def cross(p1, p2, q1, q2):
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    d1, d2 = orient(q1, q2, p1), orient(q1, q2, p2)
    d3, d4 = orient(p1, p2, q1), orient(p1, p2, q2)
    return (d1 > 0) != (d2 > 0) and (d3 > 0) != (d4 > 0)


def to_cube(c, r):
    q = c - (r - (r & 1)) // 2
    return q, r, -q - r


def from_cube(q, r):
    return q + (r - (r & 1)) // 2, r


def hexline(a, b):
    (aq, ar, as_), (bq, br, bs) = to_cube(*a), to_cube(*b)
    n = max(abs(aq - bq), abs(ar - br), abs(as_ - bs))
    out = []
    for i in range(n + 1):
        t = i / n if n else 0
        q = aq + (bq - aq) * t + 1e-6
        r = ar + (br - ar) * t + 2e-6
        s = as_ + (bs - as_) * t - 3e-6
        rq, rr, rs = round(q), round(r), round(s)
        dq, dr, ds = abs(rq - q), abs(rr - r), abs(rs - s)
        if dq > dr and dq > ds:
            rq = -rr - rs
        elif dr > ds:
            rr = -rq - rs
        out.append(from_cube(rq, rr))
    return out
