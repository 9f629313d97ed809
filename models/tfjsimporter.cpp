#include "tfjsimporter.h"

#include "tfjsgenerator.h"
#include "tfjsgraph.h"

#include <torch/script.h>

namespace shoebox {

namespace {

// TorchScript helpers shared by every generated module.
const char* const kHelpers = R"TS(
def _pad_same(self, x: Tensor, kh: int, kw: int, sh: int, sw: int, value: float) -> Tensor:
    ih = x.size(2)
    iw = x.size(3)
    oh = (ih + sh - 1) // sh
    ow = (iw + sw - 1) // sw
    ph = max((oh - 1) * sh + kh - ih, 0)
    pw = max((ow - 1) * sw + kw - iw, 0)
    if ph == 0 and pw == 0:
        return x
    return torch.constant_pad_nd(x, [pw // 2, pw - pw // 2, ph // 2, ph - ph // 2], value)

def _legacy_index(self, n_out: int, n_in: int, device: Device):
    src = torch.arange(n_out, device=device).float() * (float(n_in) / float(n_out))
    lo = torch.floor(src)
    frac = src - lo
    i0 = lo.long()
    i1 = torch.clamp_max(i0 + 1, n_in - 1)
    return i0, i1, frac

def _resize_legacy(self, x: Tensor, oh: int, ow: int) -> Tensor:
    x0, x1, fx = self._legacy_index(ow, x.size(3), x.device)
    y0, y1, fy = self._legacy_index(oh, x.size(2), x.device)
    left = x.index_select(3, x0)
    right = x.index_select(3, x1)
    cols = left + (right - left) * fx.to(x.dtype).view(1, 1, 1, ow)
    top = cols.index_select(2, y0)
    bottom = cols.index_select(2, y1)
    return top + (bottom - top) * fy.to(x.dtype).view(1, 1, oh, 1)
)TS";

} // namespace

QString TfjsImporter::generateSource(const TfjsGraph& graph, const ImportOptions& options, QString* error)
{
    TfjsGenerator g(graph, options);
    if (!g.run(error))
        return QString();
    return QString::fromLatin1(kHelpers) + QLatin1Char('\n') + g.source();
}

std::unique_ptr<torch::jit::Module> TfjsImporter::import(
    const TfjsGraph& graph, const ImportOptions& options, QString* error)
{
    TfjsGenerator g(graph, options);
    if (!g.run(error))
        return nullptr;
    try {
        auto module = std::make_unique<torch::jit::Module>("ShoeboxTfjsModel");
        for (const auto& [name, tensor] : g.buffers)
            module->register_buffer(name, tensor);
        module->define(kHelpers);
        module->define(g.source().toStdString());
        module->eval();
        return module;
    } catch (const c10::Error& e) {
        *error
            = QStringLiteral("TorchScript compilation failed: %1").arg(QString::fromUtf8(e.what_without_backtrace()));
    } catch (const std::exception& e) { // torch::jit::ErrorReport
        *error = QStringLiteral("TorchScript compilation failed: %1").arg(QString::fromUtf8(e.what()).trimmed());
    }
    return nullptr;
}

} // namespace shoebox
