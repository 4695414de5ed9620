# The labels graph, computed from every document's mentions (one:mentionLabel):
#   rdfs:label     the fullest name the documents write (the longest; among equals, the first in code-point order)
#   skos:altLabel  every other name
#   skos:prefLabel the rdfs:label, where the reference graph gives the entity none
# Built in a scratch graph, then synced into the labels graph triple by triple, and into the merged default graph
# of a store that keeps one (merge.ru; nothing for an in-memory dataset). Running it in the store itself, in one
# transaction, keeps the corpus's names out of Python's memory (docs/performance.md).
# Placeholders, filled in by kg.graph.build.labels_update: the IRIs of the graphs and properties (from the
# vocabularies: no PREFIX, since Oxigraph takes a prologue only at the start of a request), and the merge steps.
DROP SILENT GRAPH $next ;

INSERT { GRAPH $next { ?s $label ?label . ?s $altLabel ?alt } }
WHERE {
  { SELECT ?s (STRLANG(MIN(?name), "zh") AS ?label)
    WHERE {
      { SELECT ?s (MAX(STRLEN(STR(?m))) AS ?longest) WHERE { GRAPH ?g { ?s $mentionLabel ?m } } GROUP BY ?s }
      GRAPH ?h { ?s $mentionLabel ?l }
      BIND (STR(?l) AS ?name)
      FILTER (STRLEN(?name) = ?longest)
    } GROUP BY ?s }
  OPTIONAL { GRAPH ?k { ?s $mentionLabel ?alt } FILTER (STR(?alt) != STR(?label)) }
} ;

INSERT { GRAPH $next { ?s $prefLabel ?label } }
WHERE {
  GRAPH $next { ?s $label ?label }
  FILTER NOT EXISTS { GRAPH $reference { ?s $prefLabel ?any } }
} ;
$merge
DELETE { GRAPH $labels { ?s ?p ?o } }
WHERE { GRAPH $labels { ?s ?p ?o } FILTER NOT EXISTS { GRAPH $next { ?s ?p ?o } } } ;

INSERT { GRAPH $labels { ?s ?p ?o } }
WHERE { GRAPH $next { ?s ?p ?o } FILTER NOT EXISTS { GRAPH $labels { ?s ?p ?o } } } ;

DROP SILENT GRAPH $next
