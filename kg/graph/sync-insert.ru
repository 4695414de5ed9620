# The second half (kg.graph.build.sync_updates): into $graph and the merged default graph go the triples of $next
# that $graph lacks, for the subjects whose IRI's MD5 starts with the hex digit $part. Run once per digit, each
# one transaction: Oxigraph holds a transaction's changes in memory, and a first refresh inserts every label of
# the corpus (at 10,000 documents, one transaction took the writer to 1.6 GB).
INSERT { ?s ?p ?o }
WHERE {
  GRAPH $next { ?s ?p ?o }
  FILTER(STRSTARTS(MD5(STR(?s)), $part))
  FILTER NOT EXISTS { GRAPH $graph { ?s ?p ?o } }
} ;

INSERT { GRAPH $graph { ?s ?p ?o } }
WHERE {
  GRAPH $next { ?s ?p ?o }
  FILTER(STRSTARTS(MD5(STR(?s)), $part))
  FILTER NOT EXISTS { GRAPH $graph { ?s ?p ?o } }
}
