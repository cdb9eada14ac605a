<h1>Registro accessi</h1>
<p>Ogni accesso, consultazione e modifica dei dati. Il registro non può essere modificato.</p>
<?cs call:form_errors() ?>
<form method="get" action="/registro" novalidate class="row">
  <div class="col-6 col-lg-2"><?cs call:field(Form.dal) ?></div>
  <div class="col-6 col-lg-2"><?cs call:field(Form.al) ?></div>
  <div class="col-6 col-lg-2"><?cs call:field(Form.utente) ?></div>
  <div class="col-6 col-lg-2"><?cs call:field(Form.azione) ?></div>
  <div class="col-6 col-lg-2"><?cs call:field(Form.entita) ?></div>
  <div class="col-6 col-lg-2"><?cs call:field(Form.entita_id) ?></div>
  <div class="col-12 mb-4"><button type="submit" class="btn btn-primary">Filtra</button> <a href="/registro" class="btn btn-outline-secondary">Azzera filtri</a></div>
</form>
<?cs if:Audit.count == 0 ?>
<p>Nessuna voce corrisponde ai filtri.</p>
<?cs else ?>
<div class="table-responsive">
<table class="table">
  <caption>Voci del registro, dalla più recente (pagina <?cs var:Audit.page ?>)</caption>
  <thead><tr><th scope="col">Quando</th><th scope="col">Utente</th><th scope="col">Indirizzo</th><th scope="col">Azione</th><th scope="col">Oggetto</th><th scope="col">Dettaglio</th></tr></thead>
  <tbody>
  <?cs each:a = Audit.rows ?>
  <tr>
    <td><?cs var:a.quando ?></td>
    <td><?cs var:a.username ?></td>
    <td><?cs var:a.indirizzo ?></td>
    <td><?cs var:a.azione ?></td>
    <td><?cs var:a.entita ?><?cs if:a.entita_id ?> n. <?cs var:a.entita_id ?><?cs /if ?></td>
    <td><?cs var:a.dettaglio ?>
      <?cs if:subcount(a.changes) > 0 ?>
      <ul class="approdo-changes">
        <?cs each:c = a.changes ?><li><strong><?cs var:c.campo ?></strong>: «<?cs var:c.prima ?>» → «<?cs var:c.dopo ?>»</li><?cs /each ?>
      </ul>
      <?cs /if ?>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs def:filters() ?>dal=<?cs var:url_escape(Form.dal.value) ?>&amp;al=<?cs var:url_escape(Form.al.value) ?>&amp;utente=<?cs var:url_escape(Form.utente.value) ?>&amp;azione=<?cs var:url_escape(Form.azione.value) ?>&amp;entita=<?cs var:url_escape(Form.entita.value) ?>&amp;entita_id=<?cs var:url_escape(Form.entita_id.value) ?><?cs /def ?>
<nav aria-label="Pagine del registro" class="pagination-wrapper">
  <ul class="pagination">
    <?cs if:Audit.prev ?><li class="page-item"><a class="page-link" href="/registro?<?cs call:filters() ?>&amp;pagina=<?cs var:Audit.prev ?>">Più recenti</a></li><?cs /if ?>
    <?cs if:Audit.next ?><li class="page-item"><a class="page-link" href="/registro?<?cs call:filters() ?>&amp;pagina=<?cs var:Audit.next ?>">Meno recenti</a></li><?cs /if ?>
  </ul>
</nav>
<?cs /if ?>
<?cs if:Audit.attempts > 0 ?><p class="mt-4"><a href="/registro/tentativi">Tentativi senza accesso nelle ultime 24 ore: <?cs var:Audit.attempts ?></a></p><?cs /if ?>
