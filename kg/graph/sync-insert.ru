# The second half (kg.graph.build.sync_updates): into $graph and the merged default graph go the triples of the
# scratch graph $next, one part of the new labels, that $graph lacks. Run once per part, each one transaction:
# Oxigraph holds a transaction's changes in memory, and a first refresh inserts every label of the corpus (at
# 10,000 documents, one transaction took the writer to 1.6 GB).
INSERT { ?s ?p ?o }
WHERE {
  GRAPH $next { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH $graph { ?s ?p ?o } }
} ;

INSERT { GRAPH $graph { ?s ?p ?o } }
WHERE {
  GRAPH $next { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH $graph { ?s ?p ?o } }
}
