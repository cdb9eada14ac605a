<h1><?cs var:Page.title ?></h1>
<p class="lead"><?cs var:Error.message ?></p>
<p>Codice: <?cs var:Error.status ?></p>
<p><a href="/" class="btn btn-primary">Torna alla pagina iniziale</a></p>
