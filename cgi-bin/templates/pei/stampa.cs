<?cs # A version of the PEI on A4 paper, for the signatures (print stylesheet). ?>
<div class="approdo-no-print alert alert-info" role="note">Questa è la versione da stampare: usa il comando Stampa del browser (Ctrl+P). <a href="/minori/<?cs var:Case.id ?>/pei<?cs if:Pei.v.id ?>/versioni/<?cs var:Pei.v.id ?><?cs /if ?>">Torna al PEI</a></div>
<div class="approdo-stampa">
<p class="approdo-intestazione">Roma Capitale · UO Protezione Persone Minore Età · Ufficio MSNA</p>
<h1>Progetto Educativo Individualizzato</h1>
<?cs if:Pei.v.stato != "approvata" ?><p class="approdo-bozza"><strong><?cs var:Pei.v.stato_label ?>: non ancora approvato, non valido per le firme.</strong></p><?cs /if ?>
<dl class="row approdo-dl">
  <dt class="col-4">Minore</dt><dd class="col-8"><?cs var:Case.cognome ?> <?cs var:Case.nome ?>, nato/a il <?cs var:Case.data_nascita ?>, <?cs var:Case.cittadinanza ?></dd>
  <dt class="col-4">Fascicolo</dt><dd class="col-8"><?cs var:Case.numero ?></dd>
  <dt class="col-4">Struttura</dt><dd class="col-8"><?cs if:Case.struttura ?><?cs var:Case.struttura ?><?cs else ?>nessuna<?cs /if ?></dd>
  <dt class="col-4">Operatore del caso</dt><dd class="col-8"><?cs var:Case.operatore ?></dd>
  <dt class="col-4">Versione</dt><dd class="col-8"><?cs var:Pei.v.versione ?><?cs if:Pei.v.stato == "approvata" ?>, approvata il <?cs var:Pei.v.decisa_il ?> da <?cs var:Pei.v.decisa_nome ?><?cs /if ?></dd>
</dl>
<?cs escape:"none" ?><?cs var:Pei.contenuto ?><?cs /escape ?>
<?cs include:"pei/percorso.cs" ?>
<section aria-labelledby="firme" class="approdo-firme">
  <h2 id="firme" class="h3">Firme</h2>
  <?cs each:f = Pei.firme ?>
  <div class="approdo-firma"><p><?cs var:f ?></p><p>Data ____________________ &nbsp; Firma ________________________________</p></div>
  <?cs /each ?>
</section>
</div>
