<?cs # Each worker's open deadlines: overdue, today, this week, later; the
   first of each, or (Agenda.elenco) one section a page at a time. ?>
<?cs def:riga(s) ?>
  <li class="border-start border-3 ps-3 mb-3<?cs if:s.escalata ?> border-danger<?cs /if ?>">
    <p class="mb-1"><a href="/minori/<?cs var:s.minore_id ?>/scadenze"><?cs var:s.nome ?></a> <span class="text-nowrap small">(<?cs var:s.numero ?>)</span>: <?cs var:s.titolo ?></p>
    <p class="small mb-0">Entro il <?cs var:s.entro ?> · urgenza <?cs var:s.urgenza ?><?cs if:s.escalata ?> · <strong>segnalata al responsabile</strong><?cs /if ?></p>
  </li>
<?cs /def ?>
<?cs def:sezione(id, titolo, lista, nessuna, altre) ?>
<section aria-labelledby="<?cs var:id ?>" class="mb-5">
  <h2 id="<?cs var:id ?>" class="h3"><?cs var:titolo ?></h2>
  <?cs if:subcount(lista) == 0 ?><p><?cs var:nessuna ?></p><?cs else ?>
  <?cs if:id == "scadute" ?><p>Dalla scaduta da più tempo. Dopo <?cs var:Agenda.escalation ?> giorni di ritardo una scadenza è segnalata anche al responsabile.</p><?cs /if ?>
  <ul class="list-unstyled"><?cs each:s = lista ?><?cs call:riga(s) ?><?cs /each ?></ul>
  <?cs if:altre ?><p><a href="/minori/scadenze?elenco=<?cs var:id ?>#<?cs var:id ?>">Tutte le scadenze: <?cs var:titolo ?></a></p><?cs /if ?>
  <?cs if:Agenda.elenco && (Agenda.prima || Agenda.dopo) ?><nav aria-label="Pagine delle scadenze: <?cs var:titolo ?>" class="pagination-wrapper">
    <ul class="pagination">
      <?cs if:Agenda.prima ?><li class="page-item"><a class="page-link" href="/minori/scadenze?elenco=<?cs var:id ?>&amp;pagina=<?cs var:Agenda.prima ?>#<?cs var:id ?>">Pagina precedente</a></li><?cs /if ?>
      <?cs if:Agenda.dopo ?><li class="page-item"><a class="page-link" href="/minori/scadenze?elenco=<?cs var:id ?>&amp;pagina=<?cs var:Agenda.dopo ?>#<?cs var:id ?>">Pagina successiva</a></li><?cs /if ?>
    </ul>
  </nav><?cs /if ?>
  <?cs /if ?>
</section>
<?cs /def ?>
<?cs if:Agenda.elenco ?><p><a href="/minori/scadenze">← Tutte le mie scadenze</a></p><?cs /if ?>
<h1>Le mie scadenze</h1>
<p class="lead">Le scadenze dei casi affidati a te, dalla più urgente<?cs if:Agenda.conta > 0 ?>: <?cs if:Agenda.conta == 1 ?>una scaduta o in scadenza oggi<?cs elif:Agenda.conta > 99 ?>più di 99 scadute o in scadenza oggi<?cs else ?><?cs var:Agenda.conta ?> scadute o in scadenza oggi<?cs /if ?><?cs /if ?>.</p>
<?cs if:Agenda.responsabile ?><p><a href="/minori/scadenze/ufficio">Le scadenze scadute di tutto l'ufficio, per operatore</a></p><?cs /if ?>
<?cs if:!Agenda.elenco || Agenda.elenco == "scadute" ?><?cs call:sezione("scadute", "Scadute", Sezione.scadute, "Nessuna scadenza scaduta.", Altre.scadute) ?><?cs /if ?>
<?cs if:!Agenda.elenco || Agenda.elenco == "oggi" ?><?cs call:sezione("oggi", "Oggi", Sezione.oggi, "Nessuna scadenza oggi.", Altre.oggi) ?><?cs /if ?>
<?cs if:!Agenda.elenco || Agenda.elenco == "settimana" ?><?cs call:sezione("settimana", "Entro 7 giorni", Sezione.settimana, "Nessuna scadenza nei prossimi 7 giorni.", Altre.settimana) ?><?cs /if ?>
<?cs if:!Agenda.elenco || Agenda.elenco == "avanti" ?><?cs call:sezione("avanti", "Più avanti", Sezione.avanti, "Nessun'altra scadenza già in avviso.", Altre.avanti) ?><?cs /if ?>
