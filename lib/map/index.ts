import "server-only";

/**
 * The cooperation map (/kart): the graph in SQL (./graph.ts), the page model (./view.ts), pure
 * layout and heat scale (./layout.ts), the query string (./params.ts) and optional municipality
 * boundaries (./boundaries.ts, DATA_DIR/kommunegrenser.geojson; see docs/kart.md).
 */
export { loadMapView, MATRIX_LIMIT, type DrawingData, type EgoData, type MapView, type MatrixData, type SmallMultiple } from "./view";
export { arrangementCounts, distinctArrangements, egoNetwork, graphPairs, municipalitiesWhere, pairsByTaskArea, type GraphFilter, type Pair } from "./graph";
export { mapHref, parseMapParams, type MapQuery } from "./params";
