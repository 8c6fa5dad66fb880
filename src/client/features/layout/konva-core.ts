/**
 * Konva through react-konva's core entry plus one import per shape used: the browser bundle
 * carries only the shapes mixscope draws, not the whole library.
 */
import 'konva/lib/shapes/Rect';
import 'konva/lib/shapes/Text';
import 'konva/lib/shapes/Image';
import 'konva/lib/shapes/Line';
import 'konva/lib/shapes/Circle';
import 'konva/lib/shapes/Ellipse';

export { Stage, Layer, Group, Rect, Text, Image, Line, Circle, Ellipse } from 'react-konva/lib/ReactKonvaCore';
export { Util as KonvaUtil } from 'konva/lib/Util';
export type { Stage as KonvaStage } from 'konva/lib/Stage';
export type { Context as KonvaContext } from 'konva/lib/Context';
