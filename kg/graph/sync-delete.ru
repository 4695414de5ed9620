# The first half of making graph $graph hold exactly what the scratch graphs (IRIs starting with $scratch) hold together
# (kg.graph.build.sync_queries): out of $graph go the triples no part holds, and out of the store's merged default
# graph those of them that $also (the one other graph that may hold the same triples) does not hold. Naming $also,
# not "any other graph", keeps each check a lookup instead of a join over every graph. One transaction: deletions
# are the labels that changed, few after the first run, none in it.
DELETE { ?s ?p ?o }
WHERE {
  GRAPH $graph { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?next { ?s ?p ?o } FILTER STRSTARTS(STR(?next), $scratch) }
  FILTER NOT EXISTS { GRAPH $also { ?s ?p ?o } }
} ;

DELETE { GRAPH $graph { ?s ?p ?o } }
WHERE { GRAPH $graph { ?s ?p ?o } FILTER NOT EXISTS { GRAPH ?next { ?s ?p ?o } FILTER STRSTARTS(STR(?next), $scratch) } }
