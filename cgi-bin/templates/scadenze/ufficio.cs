<?cs # The responsabile's view: every overdue deadline of the office, by worker. ?>
<?cs def:riga(s) ?>
  <li class="border-start border-3 ps-3 mb-3<?cs if:s.escalata ?> border-danger<?cs /if ?>">
    <p class="mb-1"><a href="<?cs if:s.struttura ?>/minori/posti/strutture/<?cs var:s.struttura ?><?cs else ?>/minori/<?cs var:s.minore_id ?>/scadenze<?cs /if ?>"><?cs var:s.nome ?></a> <span class="text-nowrap small">(<?cs var:s.numero ?>)</span>: <?cs var:s.titolo ?></p>
    <p class="small mb-0">Entro il <?cs var:s.entro ?> · <?cs var:s.utente ?> · urgenza <?cs var:s.urgenza ?><?cs if:s.escalata ?> · <strong>in ritardo di oltre <?cs var:Ufficio.escalation ?> giorni</strong><?cs /if ?></p>
  </li>
<?cs /def ?>
<p><a href="/minori/scadenze">← Le mie scadenze</a></p>
<h1>Scadenze scadute dell'ufficio</h1>
<p class="lead">Ogni scadenza scaduta, per operatore (quelle delle strutture, come la dichiarazione dei posti, sotto «Nessun operatore»). Dopo <?cs var:Ufficio.escalation ?> giorni di ritardo passa anche al responsabile.</p>
<section aria-labelledby="operatori" class="mb-5">
  <h2 id="operatori" class="h3">Per operatore</h2>
  <?cs if:subcount(Operatori) == 0 ?><p>Nessuna scadenza scaduta nell'ufficio.</p><?cs else ?>
  <div class="table-responsive"><table class="table">
    <caption class="visually-hidden">Scadenze scadute per operatore</caption>
    <thead><tr><th scope="col">Operatore</th><th scope="col">Scadute</th><th scope="col">Di cui oltre <?cs var:Ufficio.escalation ?> giorni</th></tr></thead>
    <tbody><?cs each:o = Operatori ?>
      <tr><th scope="row"><a href="/minori/scadenze/ufficio?operatore=<?cs var:o.id ?>"<?cs if:Ufficio.operatore == o.id && Ufficio.operatore_nome ?> aria-current="page"<?cs /if ?>><?cs var:o.nome ?></a></th><td><?cs var:o.scadute ?></td><td><?cs var:o.escalate ?></td></tr>
    <?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
</section>
<section aria-labelledby="elenco" class="mb-5">
  <h2 id="elenco" class="h3"><?cs if:Ufficio.operatore_nome ?>Scadute di <?cs var:Ufficio.operatore_nome ?><?cs else ?>Tutte le scadute<?cs /if ?></h2>
  <?cs if:Ufficio.operatore_nome ?><p><a href="/minori/scadenze/ufficio">Tutti gli operatori</a></p><?cs /if ?>
  <?cs if:subcount(Scadute) == 0 ?><p>Nessuna scadenza scaduta.</p><?cs else ?>
  <p>Dalla scaduta da più tempo<?cs if:Ufficio.prima || Ufficio.dopo ?>: pagina <?cs var:Ufficio.pagina ?><?cs /if ?>.</p>
  <ul class="list-unstyled"><?cs each:s = Scadute ?><?cs call:riga(s) ?><?cs /each ?></ul>
  <?cs if:Ufficio.prima || Ufficio.dopo ?><nav aria-label="Pagine delle scadenze scadute" class="pagination-wrapper">
    <ul class="pagination">
      <?cs if:Ufficio.prima ?><li class="page-item"><a class="page-link" href="/minori/scadenze/ufficio?pagina=<?cs var:Ufficio.prima ?><?cs if:Ufficio.operatore_nome ?>&amp;operatore=<?cs var:Ufficio.operatore ?><?cs /if ?>#elenco">Pagina precedente</a></li><?cs /if ?>
      <?cs if:Ufficio.dopo ?><li class="page-item"><a class="page-link" href="/minori/scadenze/ufficio?pagina=<?cs var:Ufficio.dopo ?><?cs if:Ufficio.operatore_nome ?>&amp;operatore=<?cs var:Ufficio.operatore ?><?cs /if ?>#elenco">Pagina successiva</a></li><?cs /if ?>
    </ul>
  </nav><?cs /if ?>
  <?cs /if ?>
</section>
