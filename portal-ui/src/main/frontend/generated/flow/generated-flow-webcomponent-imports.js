import { injectGlobalWebcomponentCss } from 'Frontend/generated/jar-resources/theme-util.js';

import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/button/src/vaadin-button.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/scroller/src/vaadin-scroller.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/notification/src/vaadin-notification.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/flow-component-directive.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '165871da7e328720a099f134199455b7bbb065f558f16f0d30c30c29933f40bb') {
    pending.push(import('./chunks/chunk-b34a5310261e0719a8ff77321179d286c5eca1922fa79467d7756fdf7a1fb8a9.js'));
  }
  if (key === 'ba606cac1d9468a4dd7cac4ab917fe4cb9cf2ef99d67b7700e4ec42c0db319aa') {
    pending.push(import('./chunks/chunk-6f189270f5b4cdbf8968cfac3f739a99ab6fe3f684dc5df878a78ada6e0d6ceb.js'));
  }
  if (key === 'f28e1c64132f87d799d55f2042dafafb1aba8606dee520949209e7144e467663') {
    pending.push(import('./chunks/chunk-469fd2e513fd3afa5d861b175a5be7e2d06ee27624a21ec77f8d6022269bcda0.js'));
  }
  if (key === '052639b49229e48d721c4985a89fdb22576212dde02ae2fe8a3dfdf63a5ae3a9') {
    pending.push(import('./chunks/chunk-7aebb74b0e4fedc40387fcac78b424c901c0ee3b1778b33045a7e89dc237bcce.js'));
  }
  if (key === '3e9f77b5cbcfb02506a92d0dcf3e0d3f556c7d0c2a9b31f9153de05585cf4641') {
    pending.push(import('./chunks/chunk-1a324d9f590e975b9e21e98894fcca7b6b861700d3797401faba1a44720e137a.js'));
  }
  if (key === 'ad36bd82691a4cef85985003dd4146301c02d5811efcd90609694eb45562520b') {
    pending.push(import('./chunks/chunk-dc5e461ae8420e5ab74fa9d939d45676fec169e0231fbdf14d6c6267cfa1a8d0.js'));
  }
  if (key === '69755e9ea8920bedf2a6412dbd42dceeb2ae6f1deec54217e06c7c06ba542c65') {
    pending.push(import('./chunks/chunk-585b2c92ab7ebd57cfc45ed06bcb4fc67f20e855bbedaf6bd24ff1d8a7db99d6.js'));
  }
  if (key === 'd82f385f42a1fef67af356c048fb9cdc4a15de39790c33b549c7d66c2d7c6e1b') {
    pending.push(import('./chunks/chunk-c05e76dabed47f7208c0536b57bc89f69c46ea6b26df5a27995482ab6b518aec.js'));
  }
  if (key === '567f23b3052637a43b2d1acd572834e04e7f9d81f965cb8e20d12da08b998a76') {
    pending.push(import('./chunks/chunk-f6e8b4ee156184b631121a62ee3f88275b0807510b1dc043417b5ee3d2c97740.js'));
  }
  if (key === '30984a0be486098a7316fd93f9101c498fed2fab4f8466781526f3b6f60b9674') {
    pending.push(import('./chunks/chunk-b97c56fcf77c7c4d2b550d64625aef14ec73c36a3d79436e88f78b8f7ed5fbb3.js'));
  }
  if (key === '414a6c5477664f77898376e2359f108a65fcac3614136d7f7144804859281686') {
    pending.push(import('./chunks/chunk-89323c8376c17a56c7c26902c4f866a79781ef13cce11e504617b1c57f9ec34f.js'));
  }
  if (key === '6e27d9762eb75a49658c47aa22de761295a1b9f6b09dbade64287f4b7f2b13c6') {
    pending.push(import('./chunks/chunk-81b1ae77f7cdce2dc3b3760c7302790f095aac806c7ab32619fbc21b8eb198d6.js'));
  }
  if (key === '33ee8d6deee72605b8eb3b5ef36d518b61ab57238e5c35245da8b41f9ca6efb5') {
    pending.push(import('./chunks/chunk-00f27fbe4d3ebdc7bd138b3409adaa5ae37623243236ba14e889ca46e0b5dcdc.js'));
  }
  if (key === '9a121735519d11d153a20e3dea1f219d773b36b4350e4cab8af8401f29834751') {
    pending.push(import('./chunks/chunk-f7ae54d18928457e60cb39ca179be62e7db96ab597c38293704fbe49485f2e05.js'));
  }
  if (key === '76e213ff638683cd6ffe13c9219f2dc70dac93fd739e374438911c53cac70094') {
    pending.push(import('./chunks/chunk-e345234f804ea45ce3361641debe32927ea0429c0ec3dbd0fe2e041fdc3d63a1.js'));
  }
  if (key === '1b044a292400454e7ddeffaec01bc89ace28feb83d995569df906a31a2f53a34') {
    pending.push(import('./chunks/chunk-9392bd7e67fef6168fd8c6dcb791958fe5278748c068b9f55ecdb3e05c8ce3ac.js'));
  }
  if (key === '99468d7b5ff6fe30d7767cfddcd98363124ef8767bf90af60e35d292412d0c61') {
    pending.push(import('./chunks/chunk-db968a0b0ced4575b198e5cf00a74235e69ccb19c3debf3138cb6dfd43f450a3.js'));
  }
  if (key === '94cfc7f9fc032c663aafe25083dcd99bcde0d4f447ff45d151203174865f1b5d') {
    pending.push(import('./chunks/chunk-db968a0b0ced4575b198e5cf00a74235e69ccb19c3debf3138cb6dfd43f450a3.js'));
  }
  return Promise.all(pending);
}
window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}