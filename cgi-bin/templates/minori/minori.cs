<div class="d-flex justify-content-between align-items-center flex-wrap">
  <h1>Minori</h1>
  <?cs if:List.can_intake ?><a href="/minori/nuovo" class="btn btn-primary">Nuova presa in carico</a><?cs /if ?>
</div>
<?cs call:form_errors() ?>
<form method="get" action="/minori" novalidate class="row mt-3" role="search" aria-label="Ricerca minori">
  <div class="col-12 col-lg-6"><?cs call:field(Form.q) ?></div>
  <div class="col-6 col-lg-3"><?cs call:field(Form.stato) ?></div>
  <div class="col-6 col-lg-3"><?cs call:field(Form.cittadinanza) ?></div>
  <?cs if:!List.struttura ?><div class="col-6 col-lg-3"><?cs call:field(Form.struttura_id) ?></div>
  <div class="col-6 col-lg-3"><?cs call:field(Form.operatore_id) ?></div><?cs /if ?>
  <div class="col-12 col-md-6 col-lg-3"><?cs call:field(Form.fascia) ?></div>
  <div class="col-12 col-md-6 col-lg-3"><?cs call:field(Form.diciotto) ?></div>
  <div class="col-12 col-md-6 col-lg-3"><?cs call:field(Form.ordine) ?></div>
  <div class="col-12 mb-4">
    <button type="submit" class="btn btn-primary">Cerca</button>
    <a href="/minori" class="btn btn-outline-secondary">Azzera</a>
    <?cs if:List.can_export ?><button type="submit" formaction="/minori/export.csv" class="btn btn-outline-primary">Esporta CSV</button><?cs /if ?>
  </div>
</form>
<?cs if:List.count == 0 ?>
<p>Nessun minore corrisponde alla ricerca.</p>
<?cs else ?>
<div class="table-responsive">
<table class="table table-striped">
  <caption>Minori trovati, pagina <?cs var:List.page ?></caption>
  <thead><tr><th scope="col">Fascicolo</th><th scope="col">Cognome e nome</th><th scope="col">Sesso</th><th scope="col">Nascita (età)</th><th scope="col">Cittadinanza</th><th scope="col">Struttura</th><th scope="col">Operatore</th><th scope="col">Stato</th></tr></thead>
  <tbody>
  <?cs each:m = Minori ?>
  <tr>
    <td class="text-nowrap"><a href="/minori/<?cs var:m.id ?>"><?cs var:m.numero ?></a></td>
    <td><?cs var:m.nome ?></td>
    <td><?cs var:m.sesso ?></td>
    <td><?cs var:m.nascita ?></td>
    <td><?cs var:m.cittadinanza ?></td>
    <td><?cs var:m.struttura ?></td>
    <td><?cs var:m.operatore ?></td>
    <td><?cs var:m.stato ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs def:filters() ?>q=<?cs var:url_escape(Form.q.value) ?>&amp;stato=<?cs var:url_escape(Form.stato.value) ?>&amp;cittadinanza=<?cs var:url_escape(Form.cittadinanza.value) ?>&amp;struttura_id=<?cs var:url_escape(Form.struttura_id.value) ?>&amp;operatore_id=<?cs var:url_escape(Form.operatore_id.value) ?>&amp;fascia=<?cs var:url_escape(Form.fascia.value) ?>&amp;diciotto=<?cs var:url_escape(Form.diciotto.value) ?>&amp;ordine=<?cs var:url_escape(Form.ordine.value) ?><?cs /def ?>
<nav aria-label="Pagine dell'elenco" class="pagination-wrapper">
  <ul class="pagination">
    <?cs if:List.prev ?><li class="page-item"><a class="page-link" href="/minori?<?cs call:filters() ?>&amp;pagina=<?cs var:List.prev ?>">Pagina precedente</a></li><?cs /if ?>
    <?cs if:List.next ?><li class="page-item"><a class="page-link" href="/minori?<?cs call:filters() ?>&amp;pagina=<?cs var:List.next ?>">Pagina successiva</a></li><?cs /if ?>
  </ul>
</nav>
<?cs /if ?>
