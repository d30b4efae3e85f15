import { n as e } from "./chunk-DiqZc92J.js";
import { $ as t, B as n, F as r, G as i, H as a, I as o, J as s, L as c, N as l, R as u, U as d, V as f, W as p, X as m, Y as h, Z as g, et as _, j as v, k as y } from "./icons-Daxdm7Mp.js";
import { c as b, h as x, l as S, m as C, s as w, u as T } from "./dom-utils-BJIJwQYW.js";
import { n as E, t as D } from "./copilot-eventbus-tR06exIW.js";
import { i as O, o as k, r as A } from "./copilot-error-handler-CsFUObKt.js";
import { n as j, r as M } from "./copilot-notification-BnxWYvla.js";
//#region frontend/copilot/shared/copilot-storage.ts
var N, P, F = e((() => {
	N = "copilot-conf", P = class {
		static get sessionConfiguration() {
			let e = sessionStorage.getItem(N);
			return e ? JSON.parse(e) : {};
		}
		static saveCopilotActiveMode(e, t) {
			let n = this.sessionConfiguration;
			n.activeMode = e, n.lastNonPlayMode = t, this.persist(n);
		}
		static getCopilotActiveMode() {
			return this.sessionConfiguration.activeMode;
		}
		static getCopilotLastNonPlayMode() {
			return this.sessionConfiguration.lastNonPlayMode;
		}
		static savePanelConfigurations(e) {
			let t = this.sessionConfiguration;
			t.sectionPanelState = e, this.persist(t);
		}
		static getPanelConfigurations() {
			return this.sessionConfiguration.sectionPanelState;
		}
		static persist(e) {
			sessionStorage.setItem(N, JSON.stringify(e));
		}
		static savePrompts(e) {
			let t = this.sessionConfiguration;
			t.prompts = e, this.persist(t);
		}
		static getPrompts() {
			return this.sessionConfiguration.prompts || [];
		}
		static saveCurrentSelection(e) {
			let t = this.sessionConfiguration;
			t.selection = t.selection ?? {}, t.selection && (t.selection.current = e, t.selection.location = window.location.pathname, this.persist(t));
		}
		static savePendingSelection(e) {
			let t = this.sessionConfiguration;
			t.selection = t.selection ?? {}, t.selection && (t.selection.pending = e, t.selection.location = window.location.pathname, this.persist(t));
		}
		static getCurrentSelection() {
			let e = this.sessionConfiguration.selection;
			if (e?.location === window.location.pathname) return e.current;
		}
		static getPendingSelection() {
			let e = this.sessionConfiguration.selection;
			if (e?.location === window.location.pathname) return e.pending;
		}
		static saveDrillDownContextReference(e) {
			let t = this.sessionConfiguration;
			t.drillDownContext = t.drillDownContext ?? {}, t.drillDownContext && (t.drillDownContext.location = window.location.pathname, t.drillDownContext.stack = e, this.persist(t));
		}
		static getDrillDownContextReference() {
			let e = this.sessionConfiguration;
			if (e?.drillDownContext?.location === window.location.pathname) return e.drillDownContext?.stack;
		}
		static savePanelTagsState(e, t) {
			let n = this.sessionConfiguration;
			n.openPanelTags = Array.from(e), n.switchModeClosedPanelTags = Array.from(t), this.persist(n);
		}
		static getOpenPanelTags() {
			let e = this.sessionConfiguration.openPanelTags;
			return e ? new Set(e) : /* @__PURE__ */ new Set();
		}
		static getSwitchModeClosedPanelTags() {
			let e = this.sessionConfiguration.switchModeClosedPanelTags;
			return e ? new Set(e) : /* @__PURE__ */ new Set();
		}
		static saveCustomPanelTags(e) {
			let t = this.sessionConfiguration;
			t.customPanelTags = Object.fromEntries(e), this.persist(t);
		}
		static getCustomPanelTags() {
			let e = this.sessionConfiguration.customPanelTags;
			return e ? new Map(Object.entries(e)) : /* @__PURE__ */ new Map();
		}
		static savePositionUpdatedManuallyPanelTags(e) {
			let t = this.sessionConfiguration;
			t.positionUpdatedManuallyPanelTags = Array.from(e), this.persist(t);
		}
		static getPositionUpdatedManuallyPanelTags() {
			let e = this.sessionConfiguration.positionUpdatedManuallyPanelTags;
			return e ? new Set(e) : /* @__PURE__ */ new Set();
		}
		static savePanelStackingOrder(e) {
			let t = this.sessionConfiguration;
			t.panelStackingOrder = e, this.persist(t);
		}
		static getPanelStackingOrder() {
			return this.sessionConfiguration.panelStackingOrder ?? [];
		}
		static saveToolbarPosition(e, t) {
			let n = this.sessionConfiguration;
			n.toolbarPosition = {
				right: e,
				top: t
			}, this.persist(n);
		}
		static getToolbarPosition() {
			return this.sessionConfiguration.toolbarPosition;
		}
	};
}));
//#endregion
//#region node_modules/uuid/dist/stringify.js
function ee(e, t = 0) {
	return (I[e[t + 0]] + I[e[t + 1]] + I[e[t + 2]] + I[e[t + 3]] + "-" + I[e[t + 4]] + I[e[t + 5]] + "-" + I[e[t + 6]] + I[e[t + 7]] + "-" + I[e[t + 8]] + I[e[t + 9]] + "-" + I[e[t + 10]] + I[e[t + 11]] + I[e[t + 12]] + I[e[t + 13]] + I[e[t + 14]] + I[e[t + 15]]).toLowerCase();
}
var I, L = e((() => {
	I = [];
	for (let e = 0; e < 256; ++e) I.push((e + 256).toString(16).slice(1));
}));
//#endregion
//#region node_modules/uuid/dist/rng.js
function R() {
	if (!z) {
		if (typeof crypto > "u" || !crypto.getRandomValues) throw Error("crypto.getRandomValues() not supported. See https://github.com/uuidjs/uuid#getrandomvalues-not-supported");
		z = crypto.getRandomValues.bind(crypto);
	}
	return z(B);
}
var z, B, V = e((() => {
	B = new Uint8Array(16);
})), H, U, W = e((() => {
	H = typeof crypto < "u" && crypto.randomUUID && crypto.randomUUID.bind(crypto), U = { randomUUID: H };
}));
//#endregion
//#region node_modules/uuid/dist/v4.js
function G(e, t, n) {
	e ||= {};
	let r = e.random ?? e.rng?.() ?? R();
	if (r.length < 16) throw Error("Random bytes length must be >= 16");
	if (r[6] = r[6] & 15 | 64, r[8] = r[8] & 63 | 128, t) {
		if (n ||= 0, n < 0 || n + 16 > t.length) throw RangeError(`UUID byte range ${n}:${n + 15} is out of buffer bounds`);
		for (let e = 0; e < 16; ++e) t[n + e] = r[e];
		return t;
	}
	return ee(r);
}
function K(e, t, n) {
	return U.randomUUID && !t && !e ? U.randomUUID() : G(e, t, n);
}
var q = e((() => {
	W(), V(), L();
})), J = e((() => {
	L(), V(), q();
}));
//#endregion
//#region frontend/copilot/copilot-tree-impl.ts
function Y(e) {
	return `${e.uiId}#${e.nodeId}`;
}
function X(e) {
	if (!e.parent) return e.name;
	let t = 0;
	for (let n = 0; n < e.siblingIndex + 1; n++) e.parent.children[n].name === e.name && t++;
	return `${e.parent.path} > ${e.name}[${t}]`;
}
function Z(e, t) {
	return t ? `${e} "${t}"` : e;
}
var Q, $, te = e((() => {
	s(), J(), l(), b(), k(), c(), j(), _(), E(), Q = /* @__PURE__ */ new WeakMap(), $ = class {
		constructor() {
			this.root = null, this.nodeUuidNodeMapFlat = /* @__PURE__ */ new Map(), this.aborted = !1, this._hasFlowComponent = !1, this.flowNodesInSource = {}, this.flowCustomComponentData = {}, this.hillaCustomComponentData = {}, this.componentDragDropApiInfosMap = {}, this.waitForHillaCustomComponentResponseData = () => new Promise((e) => {
				let t = setTimeout(() => {
					console.warn("Timed out waiting for hilla custom component data; continuing without it"), e({});
				}, 1e4);
				D.emit("request-hilla-custom-component-data-with-callback", {
					tree: this,
					callback: (n) => {
						clearTimeout(t), e(n);
					}
				});
			});
		}
		async init() {
			let e = f();
			if (e) {
				let t = await this.addToTree(e);
				t && this.root?.abstractRootNode && this.root.children.length === 1 && (this.root = this.root.children[0]), t && (await this.addOverlayContentToTreeIfExists("vaadin-popover[opened]"), await this.addOverlayContentToTreeIfExists("vaadin-dialog[opened]")), this.hillaCustomComponentData = await this.waitForHillaCustomComponentResponseData();
			}
		}
		getChildren(e) {
			return this.nodeUuidNodeMapFlat.get(e)?.children ?? [];
		}
		get allNodesFlat() {
			return Array.from(this.nodeUuidNodeMapFlat.values());
		}
		getNodeOfElement(e) {
			if (e) return this.allNodesFlat.find((t) => t.element === e);
		}
		async handleRouteContainers(e, t) {
			let n = S(e);
			if (!n && r(e)) {
				let n = p(e);
				if (n && n.nextElementSibling) return await this.addToTree(n.nextElementSibling, t), !0;
			}
			if (n && e.localName === "react-router-outlet") {
				for (let n of Array.from(e.children)) {
					let e = i(n);
					e && await this.addToTree(e, t);
				}
				return !0;
			}
			return !1;
		}
		includeReactNode(e) {
			return d(e) === "PreconfiguredAuthProvider" || d(e) === "RouterProvider" ? !1 : g(e) || m(e);
		}
		async includeFlowNode(e) {
			if (o(e)) return !1;
			let t = y(e);
			return t && this.nodeUuidNodeMapFlat.has(Y(t)) ? !1 : this.isInitializedInProjectSources(e);
		}
		async isInitializedInProjectSources(e) {
			let n = y(e);
			if (!n) return !1;
			let { nodeId: r, uiId: i } = n;
			if (!this.flowNodesInSource[i]) {
				let e = await u("copilot-get-component-source-info", { uiId: i }, (e) => e.data);
				e.error && O("Failed to get component source info", e.error), e.suggestRestart && M({
					type: t.WARNING,
					message: "Route view deleted",
					details: A(),
					dismissId: "view-deleted-restart-required",
					delay: 3e4
				}), this.flowCustomComponentData[i] = e.customComponentResponse, this.flowNodesInSource[i] = new Set(e.nodeIdsInProject), this.componentDragDropApiInfosMap[i] = e.dragDropApiInfos;
			}
			return this.flowNodesInSource[i].has(r);
		}
		async addToTree(e, n) {
			if (this.isAborted()) return !1;
			let r = await this.handleRouteContainers(e, n);
			if (r) return r;
			let i = S(e), o;
			if (!i) this.includeReactNode(e) && (o = this.generateNodeFromFiber(e, n));
			else if (await this.includeFlowNode(e)) {
				let t = this.generateNodeFromFlow(e, n);
				if (!t) return !1;
				this._hasFlowComponent = !0, o = t;
			}
			if (n) o && (o.parent = n, n.children ||= [], n.children.push(o));
			else {
				if (!o) {
					if (!(e instanceof Element) && h(e)) return M({
						type: t.WARNING,
						message: "Copilot is partly usable",
						details: `${d(e)} should be a function component to make Copilot work properly`,
						dismissId: "react_route_component_is_class"
					}), !1;
					if (o = i ? this.generateNodeFromFlow(e) : this.generateNodeFromFiber(e), !o) return O("Unable to add node", /* @__PURE__ */ Error("Tree root node is undefined")), !1;
					o.abstractRootNode = !0;
				}
				this.root = o;
			}
			o && this.nodeUuidNodeMapFlat.set(o.uuid, o);
			let s = o ?? n, c = i ? Array.from(e.children) : a(e);
			for (let e of c) await this.addToTree(e, s);
			return o !== void 0;
		}
		generateNodeFromFiber(e, t) {
			let n = g(e) ? p(e) : void 0, r = t?.children.length ?? 0, i = this, a;
			if (!(n && (a = T(n), a === "parent"))) return {
				node: e,
				parent: t,
				element: n,
				depth: t && t.depth + 1 || 0,
				children: [],
				siblingIndex: r,
				isFlowComponent: !1,
				isReactComponent: !0,
				isLitTemplate: !1,
				zeroSize: n ? C(n) : void 0,
				get uuid() {
					if (Q.has(e)) return Q.get(e);
					if (e.alternate && Q.has(e.alternate)) return Q.get(e.alternate);
					let t = K();
					return Q.set(e, t), t;
				},
				get name() {
					return x(d(e));
				},
				get identifier() {
					return w(n);
				},
				get nameAndIdentifier() {
					return Z(this.name, this.identifier);
				},
				get previousSibling() {
					if (r !== 0) return t?.children[r - 1];
				},
				get nextSibling() {
					if (!(t === void 0 || r === t.children.length - 1)) return t.children[r + 1];
				},
				get path() {
					return X(this);
				},
				get customComponentData() {
					if (i.hillaCustomComponentData[this.uuid]) return i.hillaCustomComponentData[this.uuid];
				},
				get selfHiddenElement() {
					return a === "self";
				}
			};
		}
		generateNodeFromFlow(e, t) {
			let n = y(e);
			if (!n) return;
			let r = T(e);
			if (!n.hiddenByServer && r === "parent") return;
			let i = t?.children.length ?? 0, a = this.flowCustomComponentData, o = this.componentDragDropApiInfosMap;
			return {
				node: n,
				parent: t,
				element: e,
				depth: t && t.depth + 1 || 0,
				children: [],
				siblingIndex: i,
				get uuid() {
					return Y(n);
				},
				isFlowComponent: !0,
				isReactComponent: !1,
				get isLitTemplate() {
					return !!this.customComponentData?.litTemplate;
				},
				zeroSize: e ? C(e) : void 0,
				get name() {
					return v(n) ?? x(n.element.localName);
				},
				get identifier() {
					return w(e);
				},
				get nameAndIdentifier() {
					return Z(this.name, this.identifier);
				},
				get previousSibling() {
					if (i !== 0) return t?.children[i - 1];
				},
				get nextSibling() {
					if (!(t === void 0 || i === t.children.length - 1)) return t.children[i + 1];
				},
				get path() {
					return X(this);
				},
				get customComponentData() {
					if (a[n.uiId]) return a[n.uiId].allComponentsInfoForCustomComponentSupport[n.nodeId];
				},
				get componentDragDropApiInfo() {
					if (!o[n.uiId]) return;
					let e = o[n.uiId];
					if (e[n.nodeId]) return e[n.nodeId];
				},
				get selfHiddenElement() {
					return r === "self";
				}
			};
		}
		async addOverlayContentToTreeIfExists(e) {
			let t = document.body.querySelector(e);
			if (!t) return;
			let r = !0;
			if (!this.getNodeOfElement(t)) {
				let e = n(i(t));
				r = await this.addToTree(e ?? t, this.root);
			}
			if (r) for (let e of Array.from(t.children)) await this.addToTree(e, this.getNodeOfElement(t));
		}
		hasFlowComponents() {
			return this._hasFlowComponent;
		}
		findNodeByUuid(e) {
			if (e) return this.nodeUuidNodeMapFlat.get(e);
		}
		getElementByNodeUuid(e) {
			return this.findNodeByUuid(e)?.element;
		}
		findByTreePath(e) {
			if (e) return this.allNodesFlat.find((t) => t.path === e);
		}
		isAborted() {
			return this.aborted;
		}
		abort() {
			this.aborted = !0;
		}
		get customComponentDataLoaded() {
			return Object.keys(this.hillaCustomComponentData).length !== 0 || Object.keys(this.flowCustomComponentData).length !== 0;
		}
	};
}));
//#endregion
export { P as a, K as i, te as n, F as o, J as r, $ as t };
