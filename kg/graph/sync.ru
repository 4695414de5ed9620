# Make the graph $graph hold exactly what the scratch graph $next holds, triple by triple, and the store's merged
# default graph follow: out of it go the triples that leave $graph and that $also (the one other graph that may
# hold the same triples) does not hold, into it the new ones. Run once per part of the subjects, $part being the
# first hex digit of their MD5 (kg.store.ingest.refresh), each part one transaction: Oxigraph holds a
# transaction's changes in memory, and a first refresh of 10,000 documents inserts every label at once.
# An unchanged graph costs no write. Naming $also, not "any other graph", keeps each check a lookup instead of
# a join over every graph.
DELETE { ?s ?p ?o }
WHERE {
  GRAPH $graph { ?s ?p ?o }
  FILTER(STRSTARTS(MD5(STR(?s)), $part))
  FILTER NOT EXISTS { GRAPH $next { ?s ?p ?o } }
  FILTER NOT EXISTS { GRAPH $also { ?s ?p ?o } }
} ;

INSERT { ?s ?p ?o }
WHERE {
  GRAPH $next { ?s ?p ?o }
  FILTER(STRSTARTS(MD5(STR(?s)), $part))
  FILTER NOT EXISTS { GRAPH $graph { ?s ?p ?o } }
} ;

DELETE { GRAPH $graph { ?s ?p ?o } }
WHERE {
  GRAPH $graph { ?s ?p ?o }
  FILTER(STRSTARTS(MD5(STR(?s)), $part))
  FILTER NOT EXISTS { GRAPH $next { ?s ?p ?o } }
} ;

INSERT { GRAPH $graph { ?s ?p ?o } }
WHERE {
  GRAPH $next { ?s ?p ?o }
  FILTER(STRSTARTS(MD5(STR(?s)), $part))
  FILTER NOT EXISTS { GRAPH $graph { ?s ?p ?o } }
}
