<?cs # Each worker's open deadlines: overdue, today, this week, later. ?>
<?cs def:riga(s) ?>
  <li class="border-start border-3 ps-3 mb-3<?cs if:s.escalata ?> border-danger<?cs /if ?>">
    <p class="mb-1"><a href="/minori/<?cs var:s.minore_id ?>/scadenze"><?cs var:s.nome ?></a> <span class="text-nowrap small">(<?cs var:s.numero ?>)</span>: <?cs var:s.titolo ?></p>
    <p class="small mb-1">Entro il <?cs var:s.entro ?><?cs if:s.ora ?> alle <?cs var:s.ora ?><?cs /if ?> · urgenza <?cs var:s.urgenza ?><?cs if:s.escalata ?> · <strong>segnalata al responsabile</strong><?cs /if ?><?cs if:s.utente ?> · <?cs var:s.utente ?><?cs /if ?></p>
    <p class="small mb-0">Fonte: <?cs var:s.fonte ?></p>
  </li>
<?cs /def ?>
<?cs def:gruppo(id, titolo, lista, nessuna, altre) ?>
<section aria-labelledby="<?cs var:id ?>" class="mb-5">
  <h2 id="<?cs var:id ?>" class="h3"><?cs var:titolo ?></h2>
  <?cs if:subcount(lista) == 0 ?><p><?cs var:nessuna ?></p><?cs else ?><ul class="list-unstyled"><?cs each:s = lista ?><?cs call:riga(s) ?><?cs /each ?></ul><?cs if:altre ?><p>Sono mostrate le prime; le altre dopo queste.</p><?cs /if ?><?cs /if ?>
</section>
<?cs /def ?>
<h1>Le mie scadenze</h1>
<p class="lead">Le scadenze dei casi affidati a te, dalla più urgente<?cs if:Agenda.conta > 0 ?>: <?cs if:Agenda.conta == 1 ?>una scaduta o in scadenza oggi<?cs else ?><?cs var:Agenda.conta ?> scadute o in scadenza oggi<?cs /if ?><?cs /if ?>.</p>
<?cs if:Agenda.responsabile ?><p><a href="/minori/scadenze/ufficio">Le scadenze scadute di tutto l'ufficio, per operatore</a></p><?cs /if ?>
<section aria-labelledby="scadute" class="mb-5">
  <h2 id="scadute" class="h3">Scadute</h2>
  <?cs if:subcount(Scadute) == 0 ?><p>Nessuna scadenza scaduta.</p><?cs else ?>
  <p>Dalla scaduta da più tempo<?cs if:Agenda.prima || Agenda.dopo ?>: pagina <?cs var:Agenda.pagina ?><?cs /if ?>. Dopo <?cs var:Agenda.escalation ?> giorni di ritardo una scadenza è segnalata anche al responsabile.</p>
  <ul class="list-unstyled"><?cs each:s = Scadute ?><?cs call:riga(s) ?><?cs /each ?></ul>
  <?cs if:Agenda.prima || Agenda.dopo ?><nav aria-label="Pagine delle scadenze scadute" class="pagination-wrapper">
    <ul class="pagination">
      <?cs if:Agenda.prima ?><li class="page-item"><a class="page-link" href="/minori/scadenze?pagina=<?cs var:Agenda.prima ?>#scadute">Pagina precedente</a></li><?cs /if ?>
      <?cs if:Agenda.dopo ?><li class="page-item"><a class="page-link" href="/minori/scadenze?pagina=<?cs var:Agenda.dopo ?>#scadute">Pagina successiva</a></li><?cs /if ?>
    </ul>
  </nav><?cs /if ?>
  <?cs /if ?>
</section>
<?cs call:gruppo("oggi", "Oggi", Oggi, "Nessuna scadenza oggi.", Agenda.oggi_altre) ?>
<?cs call:gruppo("settimana", "Entro 7 giorni", Settimana, "Nessuna scadenza nei prossimi 7 giorni.", Agenda.settimana_altre) ?>
<?cs call:gruppo("avanti", "Più avanti", Avanti, "Nessun'altra scadenza già in avviso.", Agenda.avanti_altre) ?>
