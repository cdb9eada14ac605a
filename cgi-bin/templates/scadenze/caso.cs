<?cs # A case's deadlines, under its header (/minori/N/scadenze). ?>
<?cs include:"scadenze/pannello.cs" ?>
<p><a href="/minori/<?cs var:Case.id ?>">← Fascicolo <?cs var:Case.numero ?></a></p>
<h1>Scadenze di <?cs var:Case.cognome ?> <?cs var:Case.nome ?></h1>
<p class="lead">Le scadenze di legge e dell'ufficio del caso, dalla più urgente; poi le ultime fatte.</p>
<?cs call:scadenze_pannello(Scadenze, Case.id, 0) ?>
