<?cs # The facility's page: its minors, the reports due, the office's answers. ?>
<h1>La mia struttura<?cs if:Struttura.nome ?>: <?cs var:Struttura.nome ?><?cs /if ?></h1>
<p class="lead">I minori accolti ora e la relazione di <?cs var:Struttura.periodo ?> di ciascuno.</p>
<section aria-labelledby="minori" class="mb-5">
  <h2 id="minori" class="h3">Minori accolti</h2>
  <form method="get" action="/minori/struttura" novalidate class="row align-items-end" role="search" aria-label="Cerca tra i minori accolti">
    <div class="col-12 col-md-8 col-lg-6"><?cs call:field(Form.q) ?></div>
    <div class="col-12 col-md-4 mb-4"><button type="submit" class="btn btn-primary">Cerca</button><?cs if:Form.q.value ?> <a href="/minori/struttura" class="btn btn-outline-secondary">Tutti i minori</a><?cs /if ?></div>
  </form>
  <?cs if:subcount(Struttura.minori) == 0 ?><p><?cs if:Form.q.value ?>Nessun minore accolto corrisponde alla ricerca.<?cs else ?>Nessun minore accolto ora.<?cs /if ?></p><?cs else ?>
  <?cs if:Struttura.prima || Struttura.dopo ?><p>In ordine alfabetico, <?cs var:Struttura.per ?> per pagina: pagina <?cs var:Struttura.pagina ?>.</p><?cs /if ?>
  <div class="table-responsive"><table class="table">
    <caption>Minori accolti e relazione del periodo<?cs if:Form.q.value ?> (ricerca)<?cs elif:Struttura.prima || Struttura.dopo ?>, pagina <?cs var:Struttura.pagina ?><?cs /if ?></caption>
    <thead><tr><th scope="col">Minore</th><th scope="col">Relazione di <?cs var:Struttura.periodo ?></th><th scope="col"><span class="visually-hidden">Azioni</span></th></tr></thead>
    <tbody><?cs each:m = Struttura.minori ?><tr>
      <th scope="row"><a href="/minori/<?cs var:m.id ?>"><?cs var:m.cognome ?> <?cs var:m.nome ?></a> <span class="small text-nowrap">(<?cs var:m.numero ?>)</span></th>
      <td><?cs if:m.stato == "bozza" ?>Bozza, da inviare<?cs elif:m.stato == "inviata" ?>Inviata all'ufficio<?cs elif:m.stato == "letta" ?>Letta dall'ufficio<?cs else ?><strong>Da scrivere</strong><?cs /if ?></td>
      <td><?cs if:m.stato == "bozza" ?><a href="/minori/<?cs var:m.id ?>/relazioni/<?cs var:m.relazione ?>">Continua la relazione<span class="visually-hidden"> di <?cs var:m.cognome ?> <?cs var:m.nome ?></span></a> · <?cs elif:!m.stato ?><a href="/minori/<?cs var:m.id ?>/relazioni/nuova">Scrivi la relazione<span class="visually-hidden"> di <?cs var:m.cognome ?> <?cs var:m.nome ?></span></a> · <?cs /if ?><a href="/minori/<?cs var:m.id ?>/eventi/nuovo">Segnala un evento<span class="visually-hidden"> per <?cs var:m.cognome ?> <?cs var:m.nome ?></span></a></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <?cs if:Struttura.prima || Struttura.dopo ?><nav aria-label="Pagine dei minori accolti" class="pagination-wrapper">
    <ul class="pagination">
      <?cs if:Struttura.prima ?><li class="page-item"><a class="page-link" href="/minori/struttura?q=<?cs var:url_escape(Form.q.value) ?>&amp;pagina=<?cs var:Struttura.prima ?>">Pagina precedente</a></li><?cs /if ?>
      <?cs if:Struttura.dopo ?><li class="page-item"><a class="page-link" href="/minori/struttura?q=<?cs var:url_escape(Form.q.value) ?>&amp;pagina=<?cs var:Struttura.dopo ?>">Pagina successiva</a></li><?cs /if ?>
    </ul>
  </nav><?cs /if ?>
  <?cs /if ?>
</section>
<?cs escape:"none" ?><?cs var:Struttura.azioni_html ?><?cs /escape ?>

<section aria-labelledby="risposte" class="mb-5">
  <h2 id="risposte" class="h3">Le risposte dell'ufficio</h2>
  <?cs if:subcount(Struttura.risposte) == 0 ?><p>Nessuna risposta ancora.</p><?cs else ?>
  <ul class="list-unstyled"><?cs each:v = Struttura.risposte ?>
    <li class="border-start border-3 ps-3 mb-3"><p class="mb-1">Relazione di <?cs var:v.periodo ?> su <?cs var:v.cognome ?> <?cs var:v.nome ?>: letta da <?cs var:v.letta_da ?> il <?cs var:v.letta_il ?></p><?cs if:v.riscontro ?><p class="approdo-pre mb-0"><?cs var:v.riscontro ?></p><?cs /if ?></li>
  <?cs /each ?></ul>
  <?cs /if ?>
</section>
