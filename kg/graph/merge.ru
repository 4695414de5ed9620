# The merge steps of labels.ru for a store that keeps a merged default graph: out of it go the labels that
# leave $labels and that no other graph holds (the ontology is not merged); into it go the new ones.
DELETE { ?s ?p ?o }
WHERE {
  GRAPH $labels { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH $next { ?s ?p ?o } }
  FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } FILTER (?g NOT IN ($labels, $next, $ontology)) }
} ;

INSERT { ?s ?p ?o }
WHERE { GRAPH $next { ?s ?p ?o } FILTER NOT EXISTS { GRAPH $labels { ?s ?p ?o } } } ;
