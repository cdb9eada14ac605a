<?cs # The office's board: every active facility's places, what it declared and when. ?>
<h1>Posti nelle strutture</h1>
<p class="lead">Per ogni struttura attiva del circuito: i posti autorizzati, i minori collocati ora, i posti tenuti dalle proposte in corso, i posti liberi che restano; accanto, i posti che la struttura ha dichiarato liberi e quando. Una dichiarazione più vecchia di <?cs var:Quadro.validita ?> giorni è da aggiornare.</p>
<ul class="list-inline">
  <li class="list-inline-item"><a href="/minori/posti/richieste">Richieste di posto</a></li>
  <li class="list-inline-item"><a href="/minori/posti/grafici">Occupazione e tempi di attesa</a></li>
</ul>
<form method="get" action="/minori/posti" novalidate class="row align-items-end" aria-label="Filtra le strutture">
  <div class="col-12 col-md-4"><?cs call:field(Form.tipo) ?></div>
  <div class="col-12 col-md-4"><?cs call:field(Form.cella) ?></div>
  <div class="col-12 col-md-4"><?cs call:field(Form.segnalate) ?></div>
  <div class="col-12 mb-4"><button type="submit" class="btn btn-primary">Filtra</button><?cs if:Quadro.filtrate == "1" ?> <a href="/minori/posti" class="btn btn-outline-secondary">Tutte le strutture</a><?cs /if ?></div>
</form>
<?cs escape:"none" ?><?cs var:Quadro.html ?><?cs /escape ?>
