<?cs # The facility's page: its minors, the reports due, the office's answers. ?>
<h1>La mia struttura<?cs if:Struttura.nome ?>: <?cs var:Struttura.nome ?><?cs /if ?></h1>
<p class="lead">I minori accolti ora e la relazione di <?cs var:Struttura.periodo ?> di ciascuno.</p>
<section aria-labelledby="minori" class="mb-5">
  <h2 id="minori" class="h3">Minori accolti</h2>
  <?cs if:subcount(Struttura.minori) == 0 ?><p>Nessun minore accolto ora.</p><?cs else ?>
  <?cs if:Struttura.n > 200 ?><p><?cs var:Struttura.n ?> minori accolti: qui i primi 200 in ordine alfabetico; gli altri sono nell'elenco dei minori.</p><?cs /if ?>
  <div class="table-responsive"><table class="table">
    <caption>Minori accolti e relazione del periodo</caption>
    <thead><tr><th scope="col">Minore</th><th scope="col">Relazione di <?cs var:Struttura.periodo ?></th><th scope="col"><span class="visually-hidden">Azioni</span></th></tr></thead>
    <tbody><?cs each:m = Struttura.minori ?><tr>
      <th scope="row"><a href="/minori/<?cs var:m.id ?>"><?cs var:m.cognome ?> <?cs var:m.nome ?></a> <span class="small text-nowrap">(<?cs var:m.numero ?>)</span></th>
      <td><?cs if:m.stato == "bozza" ?>Bozza, da inviare<?cs elif:m.stato == "inviata" ?>Inviata all'ufficio<?cs elif:m.stato == "letta" ?>Letta dall'ufficio<?cs else ?><strong>Da scrivere</strong><?cs /if ?></td>
      <td><?cs if:m.stato == "bozza" ?><a href="/minori/<?cs var:m.id ?>/relazioni/<?cs var:m.relazione ?>">Continua la relazione<span class="visually-hidden"> di <?cs var:m.cognome ?> <?cs var:m.nome ?></span></a> · <?cs elif:!m.stato ?><a href="/minori/<?cs var:m.id ?>/relazioni/nuova">Scrivi la relazione<span class="visually-hidden"> di <?cs var:m.cognome ?> <?cs var:m.nome ?></span></a> · <?cs /if ?><a href="/minori/<?cs var:m.id ?>/eventi/nuovo">Segnala un evento<span class="visually-hidden"> per <?cs var:m.cognome ?> <?cs var:m.nome ?></span></a></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
</section>
<section aria-labelledby="da-fare" class="mb-5">
  <h2 id="da-fare" class="h3">Azioni affidate alla struttura</h2>
  <?cs if:subcount(Struttura.pei) == 0 && subcount(Struttura.azioni) == 0 ?><p>Nessuna azione da fare.</p><?cs else ?>
  <ul class="list-unstyled">
    <?cs each:a = Struttura.pei ?><li class="border-start border-3 ps-3 mb-2<?cs if:a.scaduta == "1" ?> border-danger<?cs /if ?>"><a href="/minori/<?cs var:a.minore_id ?>/pei"><?cs var:a.cognome ?> <?cs var:a.nome ?></a>, dal PEI: <?cs var:a.cosa ?><?cs if:a.entro ?> · entro il <?cs var:a.entro ?><?cs if:a.scaduta == "1" ?> <strong>(scaduta)</strong><?cs /if ?><?cs /if ?></li><?cs /each ?>
    <?cs each:a = Struttura.azioni ?><li class="border-start border-3 ps-3 mb-2<?cs if:a.scaduta == "1" ?> border-danger<?cs /if ?>"><a href="/minori/<?cs var:a.minore_id ?>"><?cs var:a.cognome ?> <?cs var:a.nome ?></a>, chiesta dall'ufficio: <?cs var:a.cosa ?><?cs if:a.entro ?> · entro il <?cs var:a.entro ?><?cs if:a.scaduta == "1" ?> <strong>(scaduta)</strong><?cs /if ?><?cs /if ?></li><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>

<section aria-labelledby="risposte" class="mb-5">
  <h2 id="risposte" class="h3">Le risposte dell'ufficio</h2>
  <?cs if:subcount(Struttura.risposte) == 0 ?><p>Nessuna risposta ancora.</p><?cs else ?>
  <ul class="list-unstyled"><?cs each:v = Struttura.risposte ?>
    <li class="border-start border-3 ps-3 mb-3"><p class="mb-1">Relazione di <?cs var:v.periodo ?> su <?cs var:v.cognome ?> <?cs var:v.nome ?>: letta da <?cs var:v.letta_da ?> il <?cs var:v.letta_il ?></p><?cs if:v.riscontro ?><p class="approdo-pre mb-0"><?cs var:v.riscontro ?></p><?cs /if ?></li>
  <?cs /each ?></ul>
  <?cs /if ?>
</section>
