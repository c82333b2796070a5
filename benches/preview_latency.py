"""The preview's latency end to end over HTTP, against a built binary:
python3 benches/preview_latency.py path/to/jianbao COPY/OF/ISSUE.yaml

Starts `jianbao preview ISSUE --no-open`, follows /events, and 12 times
saves a one-character edit of the first paragraph (POST /save, as the page
does), waits for the update that names a new page and fetches the changed
pages' SVGs: from the save to the last SVG. The first two are left out
(warm-up); prints the median, min and max of the other 10. It edits the
issue file: give it a copy.
"""
import subprocess, sys, time, json, http.client, threading, queue, statistics, re
binary, issue = sys.argv[1], sys.argv[2]
p = subprocess.Popen([binary, 'preview', issue, '--no-open', '--port', '0', '--lang', 'en'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
url = p.stdout.readline().strip()
port, token = re.match(r'http://127.0.0.1:(\d+)/\?token=(\w+)', url).groups()
host = f'127.0.0.1:{port}'
H = {'Host': host, 'Cookie': f'jianbao-{port}={token}'}
def req(method, path, body=None, headers={}):
    c = http.client.HTTPConnection('127.0.0.1', int(port), timeout=60)
    c.request(method, path, body=body, headers={**H, **headers})
    r = c.getresponse(); data = r.read(); c.close(); return r, data
events = queue.Queue()
def listen():
    c = http.client.HTTPConnection('127.0.0.1', int(port))
    c.request('GET', '/events', headers=H)
    r = c.getresponse()
    buf = ''
    while True:
        line = r.fp.readline().decode()
        if not line: return
        if line.startswith('data: '): events.put((time.perf_counter(), line[6:]))
threading.Thread(target=listen, daemon=True).start()
first = json.loads(events.get(timeout=120)[1])
def hashes(ev): return re.findall(r'"([0-9a-f]{16,})"', json.dumps(ev))
seen = set(hashes(first))
r, text = req('GET', '/source'); rev = r.getheader('X-Revision'); text = text.decode()
times = []
for i in range(12):
    edited = text.replace('。', f'{"甲乙丙丁戊己庚辛壬癸子丑"[i]}。', 1)
    time.sleep(0.6)
    while not events.empty(): events.get()
    t0 = time.perf_counter()
    r, body = req('POST', '/save', edited.encode(), {'X-Jianbao-Token': token, 'Origin': f'http://{host}', 'X-Revision': rev, 'Content-Type': 'text/plain'})
    assert r.status == 200, (r.status, body)
    rev = json.loads(body)['revision']
    while True:
        t, data = events.get(timeout=120)
        ev = json.loads(data)
        new = [h for h in hashes(ev) if h not in seen]
        if new: break
    for h in new:
        rr, svg = req('GET', f'/page/{h}.svg')
        if rr.status == 200: seen.add(h)
    t1 = time.perf_counter()
    times.append((t1 - t0) * 1000)
    text = edited
p.terminate(); p.wait()
times = times[2:]
print(f'{len(times)} saves: median {statistics.median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f}; changed pages fetched')
