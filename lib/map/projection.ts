/**
 * A simple equirectangular projection scaled by cos(latitude) around the data's centre: good enough
 * for a region of a few hundred kilometres, and it needs no tiles or map server (works offline).
 */
export interface Bounds {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

export interface Projection {
  width: number;
  height: number;
  project(lat: number, lon: number): { x: number; y: number };
}

export function boundsOf(points: { lat: number; lon: number }[]): Bounds {
  if (!points.length) return { minLat: 59, maxLat: 61, minLon: 8, maxLon: 11 };
  return {
    minLat: Math.min(...points.map((p) => p.lat)),
    maxLat: Math.max(...points.map((p) => p.lat)),
    minLon: Math.min(...points.map((p) => p.lon)),
    maxLon: Math.max(...points.map((p) => p.lon)),
  };
}

export function createProjection(bounds: Bounds, width = 800, padding = 40): Projection {
  const midLat = ((bounds.minLat + bounds.maxLat) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const spanX = Math.max((bounds.maxLon - bounds.minLon) * kx, 0.01);
  const spanY = Math.max(bounds.maxLat - bounds.minLat, 0.01);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.round(Math.min(Math.max(spanY * scale + 2 * padding, 300), 1400));
  const scaleY = Math.min(scale, (height - 2 * padding) / spanY);
  const s = Math.min(scale, scaleY);
  const offsetX = (width - spanX * s) / 2;
  const offsetY = (height - spanY * s) / 2;
  return {
    width,
    height,
    project(lat, lon) {
      return {
        x: Math.round((offsetX + (lon - bounds.minLon) * kx * s) * 10) / 10,
        y: Math.round((offsetY + (bounds.maxLat - lat) * s) * 10) / 10,
      };
    },
  };
}
