#!/usr/bin/python3
# tests/posta_server.py - a real SMTP server on loopback, for the tests of
# Approdo's mail (tests/http/posta.test.mjs, tests/bench.sh) and as the
# demo's mail catcher (./run-demo). Debian's python3-aiosmtpd.
#
#   tests/posta_server.py --porta N --cartella DIR [--tls CERT KEY [--smtps]]
#                         [--utente U --password P] [--rifiuta FILE]
#                         [--web PORTA] [--lento MS]
#
# Listens on 127.0.0.1 only. Each message the server accepts is written
# (whole, then renamed into place, before the 250 answer) as
# DIR/NNNNNN.json: the envelope, whether it came over TLS, who signed in,
# and the message's text as received. --tls offers STARTTLS and requires
# it before MAIL (with --smtps: TLS from the first byte instead);
# --utente/--password require AUTH (PLAIN or LOGIN, over TLS only);
# --rifiuta names a file of addresses, one a line, read at each RCPT,
# that the server refuses with 550. --web serves a page listing the
# messages, for a person to read them (the demo). --lento waits MS
# milliseconds before accepting each message (a slow relay). --porta 0 takes a free
# port. Prints "pronto PORT" once it listens; SIGTERM or SIGINT stop it.
import argparse
import asyncio
import email
import email.policy
import html
import http.server
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--porta', type=int, required=True)
    p.add_argument('--cartella', required=True)
    p.add_argument('--tls', nargs=2, metavar=('CERT', 'KEY'))
    p.add_argument('--smtps', action='store_true')
    p.add_argument('--utente')
    p.add_argument('--password')
    p.add_argument('--rifiuta')
    p.add_argument('--web', type=int)
    p.add_argument('--lento', type=int, default=0)
    return p.parse_args()


class Casella:
    """The messages in DIR, numbered in the order they were accepted."""

    def __init__(self, cartella):
        self.cartella = cartella
        os.makedirs(cartella, exist_ok=True)
        nomi = [n for n in os.listdir(cartella) if n.endswith('.json')]
        self.n = max([int(n[:-5]) for n in nomi if n[:-5].isdigit()] or [0])
        self.lock = threading.Lock()

    def salva(self, busta):
        with self.lock:
            self.n += 1
            nome = os.path.join(self.cartella, '%06d.json' % self.n)
        tmp = nome + '.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            json.dump(busta, f)
        os.replace(tmp, nome)

    def elenco(self):
        out = []
        for n in sorted(os.listdir(self.cartella)):
            if n.endswith('.json'):
                with open(os.path.join(self.cartella, n), encoding='utf-8') as f:
                    out.append((n[:-5], json.load(f)))
        return out


class Gestore:
    def __init__(self, casella, rifiuta, lento, smtps):
        self.casella = casella
        self.smtps = smtps
        self.rifiuta = rifiuta
        self.lento = lento

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rifiuta and os.path.exists(self.rifiuta):
            with open(self.rifiuta, encoding='utf-8') as f:
                if address.lower() in (r.strip().lower() for r in f):
                    return '550 5.1.1 <%s>: destinatario rifiutato' % address
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        if self.lento:
            await asyncio.sleep(self.lento / 1000)
        self.casella.salva({
            'mail_from': envelope.mail_from,
            'rcpt_tos': envelope.rcpt_tos,
            'tls': self.smtps or session.ssl is not None,
            'utente': getattr(session.auth_data, 'login', b'').decode()
            if session.authenticated else None,
            # The bytes as they came: latin-1 maps each byte to a character.
            'data': envelope.original_content.decode('latin-1'),
        })
        return '250 2.0.0 accettato'


def autenticatore(utente, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login == utente.encode() and
              auth_data.password == password.encode())
        return AuthResult(success=ok, handled=False, auth_data=auth_data)
    return check


def leggi(busta):
    """Subject, sender, recipients and text of a stored message."""
    m = email.message_from_bytes(busta['data'].encode('latin-1'),
                                 policy=email.policy.default)
    try:
        corpo = m.get_body(preferencelist=('plain',)).get_content()
    except Exception:  # noqa: BLE001 - a message we cannot read is shown raw
        corpo = busta['data']
    return m, corpo


class Pagina(http.server.BaseHTTPRequestHandler):
    casella = None

    def log_message(self, *a):
        pass

    def rispondi(self, codice, corpo):
        b = ('<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">'
             '<title>Posta della demo di Approdo</title>'
             '<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;'
             'padding:0 1em}td,th{padding:.3em .6em;text-align:left;'
             'border-bottom:1px solid #ccc}pre{white-space:pre-wrap;'
             'background:#f4f4f4;padding:1em}</style></head><body>'
             + corpo + '</body></html>').encode()
        self.send_response(codice)
        self.send_header('Content-Type', 'text/html; charset=utf-8')
        self.send_header('Content-Length', str(len(b)))
        self.end_headers()
        self.wfile.write(b)

    def do_GET(self):
        e = html.escape
        messaggi = self.casella.elenco()
        if self.path in ('/', '/index.html'):
            righe = []
            for n, busta in reversed(messaggi):
                m, _ = leggi(busta)
                righe.append('<tr><td><a href="/messaggio/%s">%s</a></td>'
                             '<td>%s</td><td>%s</td><td>%s</td></tr>' % (
                                 e(n), e(n), e(str(m['date'] or '')),
                                 e(', '.join(busta['rcpt_tos'])),
                                 e(str(m['subject'] or ''))))
            self.rispondi(200, (
                '<h1>Posta della demo di Approdo</h1><p>Le email che la demo '
                'invia arrivano qui e non escono da questa macchina. '
                'La pagina si aggiorna quando la ricarichi; l\'invio parte '
                'ogni minuto.</p>') + (
                '<table><thead><tr><th>N.</th><th>Data</th><th>A</th>'
                '<th>Oggetto</th></tr></thead><tbody>' + ''.join(righe) +
                '</tbody></table>' if righe else '<p>Nessuna email per ora.</p>'))
            return
        if self.path.startswith('/messaggio/'):
            n = self.path[len('/messaggio/'):]
            for k, busta in messaggi:
                if k == n:
                    m, corpo = leggi(busta)
                    self.rispondi(200, (
                        '<p><a href="/">&larr; Tutte le email</a></p>'
                        '<h1>%s</h1><p>Da: %s<br>A: %s<br>Data: %s</p>'
                        '<pre>%s</pre><h2>Il messaggio come è arrivato</h2>'
                        '<pre>%s</pre>') % (
                            e(str(m['subject'] or '')), e(str(m['from'] or '')),
                            e(', '.join(busta['rcpt_tos'])),
                            e(str(m['date'] or '')), e(corpo), e(busta['data'])))
                    return
        self.rispondi(404, '<h1>Non trovata</h1><p><a href="/">Tutte le email</a></p>')


async def principale(a):
    casella = Casella(a.cartella)
    contesto = None
    if a.tls:
        contesto = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        contesto.load_cert_chain(a.tls[0], a.tls[1])
    opzioni = {
        'hostname': 'posta.approdo.test',
        'tls_context': None if a.smtps else contesto,
        'require_starttls': bool(contesto) and not a.smtps,
        'auth_required': bool(a.utente),
        # (aiosmtpd knows only its own STARTTLS: with --smtps all is TLS.)
        'auth_require_tls': bool(contesto) and not a.smtps,
    }
    if a.utente:
        opzioni['authenticator'] = autenticatore(a.utente, a.password or '')
    gestore = Gestore(casella, a.rifiuta, a.lento, a.smtps)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(gestore, **opzioni), host='127.0.0.1', port=a.porta,
        ssl=contesto if a.smtps else None, reuse_address=True)
    if a.web:
        Pagina.casella = casella
        web = http.server.ThreadingHTTPServer(('127.0.0.1', a.web), Pagina)
        threading.Thread(target=web.serve_forever, daemon=True).start()
    fine = asyncio.Event()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, fine.set)
    print('pronto %d' % server.sockets[0].getsockname()[1], flush=True)
    await fine.wait()
    server.close()


if __name__ == '__main__':
    try:
        asyncio.run(principale(parse_args()))
    except OSError as err:
        print('posta_server: %s' % err, file=sys.stderr)
        sys.exit(1)
