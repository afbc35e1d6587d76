#pragma once

// The event card at the top of the canvas. API Endpoint: the declared body, query and header fields
// and the fixed raw.* and context.* outputs, each draggable onto an input, and the "Endpoint
// settings" button of the source document. Helper Flow: the declared inputs.

#include "editor/CardFrame.h"
#include "flow/Flow.h"

namespace wf::ui {

class EventCardWidget final : public CardFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventCardWidget)

public:
    explicit EventCardWidget(const Flow &flow, QWidget *parent = nullptr);
    ~EventCardWidget() override;

signals:
    void endpointSettingsClicked();

private:
    void addOutputs(const Flow &flow);
};

} // namespace wf::ui
