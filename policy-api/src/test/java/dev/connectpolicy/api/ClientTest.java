package dev.connectpolicy.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OpenClaw's classification of declared clients (reference section 1.5), after normalising. */
class ClientTest {

  @Test
  void theBrowserControlUiIsAnOperatorUiAndTheTerminalUiToo() {
    assertThat(Client.of(" OpenClaw-Control-UI ", "webchat").isBrowserControlUi()).isTrue();
    assertThat(Client.of(Client.CONTROL_UI, "webchat").isOperatorUi()).isTrue();
    assertThat(Client.of(Client.TUI, "ui").isOperatorUi()).isTrue();
    assertThat(Client.of(Client.TUI, "ui").isBrowserControlUi()).isFalse();
    assertThat(Client.of(Client.CLI, "cli").isOperatorUi()).isFalse();
  }

  @Test
  void webChatIsTheWebchatModeOrTheLegacyWebChatUi() {
    assertThat(Client.of(Client.CLI, "webchat").isWebchat()).isTrue();
    assertThat(Client.of(Client.WEBCHAT_UI, "ui").isWebchat()).isTrue();
    assertThat(Client.of(Client.CONTROL_UI, "ui").isWebchat()).isFalse();
  }

  @Test
  void theBackendAndTheCliNeedBothTheirIdAndTheirMode() {
    assertThat(Client.of(Client.GATEWAY_CLIENT, "backend").isBackend()).isTrue();
    assertThat(Client.of(Client.GATEWAY_CLIENT, "cli").isBackend()).isFalse();
    assertThat(Client.of(Client.NODE_HOST, "backend").isBackend()).isFalse();
    assertThat(Client.of(Client.CLI, "cli").isCli()).isTrue();
    assertThat(Client.of(Client.CLI, "ui").isCli()).isFalse();
    assertThat(Client.of(Client.GATEWAY_CLIENT, "cli").isCli()).isFalse();
    assertThat(Client.of(Client.GATEWAY_CLIENT, "cli").isCliMode()).isTrue();
  }

  @Test
  void aNativeAppIsOneOfTheThreeAppsInUiMode() {
    assertThat(Client.of(Client.MACOS_APP, "ui").isNativeAppUi()).isTrue();
    assertThat(Client.of(Client.IOS_APP, "ui").isNativeAppUi()).isTrue();
    assertThat(Client.of(Client.ANDROID_APP, "ui").isNativeAppUi()).isTrue();
    assertThat(Client.of(Client.ANDROID_APP, "node").isNativeAppUi()).isFalse();
    assertThat(Client.of(Client.TUI, "ui").isNativeAppUi()).isFalse();
  }
}
